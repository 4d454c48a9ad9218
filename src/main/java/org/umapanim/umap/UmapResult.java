package org.umapanim.umap;

import org.umapanim.knn.NearestNeighbors;

/**
 * The outcome of {@link Umap#fit}: the final layout and what each phase cost.
 *
 * @param layout        final coordinates, {@code x = layout[2*i]}, {@code y = layout[2*i+1]}; one pair per input row
 * @param knnMethod     how the neighbours were found
 * @param nNeighbors    the neighbourhood size actually used (smaller than asked when there are few rows)
 * @param initMethod    how the initial layout was made (random when a spectral solve failed)
 * @param components    connected components of the fuzzy graph (each laid out separately)
 * @param edges         edges of the pruned fuzzy graph the SGD works on, each pair of points once
 * @param a             the membership curve's a (≈ 1.577 for min_dist 0.1, spread 1)
 * @param b             the curve's b (≈ 0.895)
 * @param pcaMillis     reducing the data to {@code pca} principal components (0 without)
 * @param knnMillis     nearest-neighbour search
 * @param graphMillis   smooth kNN distances, fuzzy union and pruning
 * @param initMillis    spectral, PCA or random initial layout
 * @param optimiseMillis SGD epochs, including the listener calls
 */
public record UmapResult(float[] layout, NearestNeighbors.Method knnMethod, int nNeighbors, InitMethod initMethod,
                         int components, long edges, double a, double b, long pcaMillis, long knnMillis, long graphMillis, long initMillis,
                         long optimiseMillis) {

    public long totalMillis() {
        return pcaMillis + knnMillis + graphMillis + initMillis + optimiseMillis;
    }
}
