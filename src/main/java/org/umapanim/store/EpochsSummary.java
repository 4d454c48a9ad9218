package org.umapanim.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link EpochsWriter#finish} wrote.
 *
 * @param rows          points × (last epoch + 1)
 * @param bytes         size of the file
 * @param time          time spent normalising and writing (not the time collecting epochs)
 * @param normalisation how raw coordinates map to the stored ones
 */
public record EpochsSummary(Path file, long rows, long bytes, Duration time, Normalisation normalisation) {}
