package org.umapanim.reduce;

import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Metric;

/**
 * The neighbours a reducer found for every row and the rows it found them among (after its own
 * scaling and any PCA, {@code d} values a row): what a recall estimate needs.
 */
public record FoundNeighbours(KnnGraph graph, float[] rows, int d, Metric metric) {}
