package org.umapanim.umap;

import org.umapanim.common.Progress;

final class NnDescent {
    private NnDescent() {}

    static KnnGraph search(float[] x, int n, int d, int k, long seed, Workers workers, Progress.Task task) {
        return ExactKnn.search(x, n, d, k, workers, task); // placeholder until NN-descent lands
    }
}
