package org.umapanim.view;

/** What {@link ViewPage#write} wrote: the page's size, and how many points and epochs it holds. */
public record ViewSummary(long bytes, int points, KeptEpochs kept, int recordedEpochs) {}
