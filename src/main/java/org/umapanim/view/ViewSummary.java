package org.umapanim.view;

import java.nio.file.Path;

/** What {@link ViewPage#write} wrote: the page, its size, how many points and epochs it holds. */
public record ViewSummary(Path html, long bytes, int points, KeptEpochs kept, int recordedEpochs) {}
