package org.umapanim.knn;

import org.umapanim.common.Progress;

/**
 * k nearest neighbours under a {@link Metric}, the way umap-learn gets them: exact below
 * {@link #EXACT_BELOW} rows, random-projection trees + NN-descent (pynndescent's method) above.
 * Both are multi-threaded and deterministic: the result depends on the seed, never on the
 * thread count.
 */
public final class NearestNeighbors {

    /** umap-learn computes exact neighbours below this many rows. */
    public static final int EXACT_BELOW = 4096;

    public enum Method {
        EXACT,
        NN_DESCENT,
        /** Handed in by the caller. */
        GIVEN
    }

    private NearestNeighbors() {}

    public static Method methodFor(int n) {
        return n < EXACT_BELOW ? Method.EXACT : Method.NN_DESCENT;
    }

    /**
     * The k nearest neighbours (k counts the row itself) with the method umap-learn would use for
     * n rows: the one place that chooses.
     */
    public static KnnGraph search(float[] values, int n, int d, int k, Metric metric, long seed, int threads,
                                  Progress progress) {
        return methodFor(n) == Method.EXACT
                ? exact(values, n, d, k, metric, threads, progress)
                : approximate(values, n, d, k, metric, seed, threads, progress);
    }

    /** Exact k nearest neighbours by blocked brute force. */
    public static KnnGraph exact(float[] values, int n, int d, int k, Metric metric, int threads, Progress progress) {
        check(values, n, d, k, threads);
        try (Workers workers = new Workers(threads); Progress.Task task = progress.start("kNN", n)) {
            return ExactKnn.search(Rows.of(values, n, d, metric, workers), k, workers, task);
        }
    }

    /** Approximate k nearest neighbours: RP-forest initialisation refined by NN-descent. */
    public static KnnGraph approximate(float[] values, int n, int d, int k, Metric metric, long seed, int threads,
                                       Progress progress) {
        check(values, n, d, k, threads);
        try (Workers workers = new Workers(threads); Progress.Task task = progress.start("kNN", n)) {
            return NnDescent.search(Rows.of(values, n, d, metric, workers), k, seed, workers, task);
        }
    }

    /** Mean over rows of |found ∩ truth| / k: the usual recall of an approximate kNN graph. */
    public static double recall(KnnGraph found, KnnGraph truth) {
        if (found.n() != truth.n() || found.k() != truth.k()) {
            throw new IllegalArgumentException("graphs differ in shape: " + found.n() + "x" + found.k()
                    + " vs " + truth.n() + "x" + truth.k());
        }
        int k = truth.k();
        long hits = 0;
        for (int i = 0; i < truth.n(); i++) {
            for (int a = 0; a < k; a++) {
                int want = truth.index(i, a);
                for (int b = 0; b < k; b++) {
                    if (found.index(i, b) == want) {
                        hits++;
                        break;
                    }
                }
            }
        }
        return hits / ((double) truth.n() * k);
    }

    private static void check(float[] values, int n, int d, int k, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (n < 1 || d < 1 || values.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + " x " + d + " values, got " + values.length);
        }
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("k must be between 2 and the number of rows (" + n + "), got " + k);
        }
    }
}
