package org.umapanim.umap;

import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Workers;

/**
 * The fuzzy simplicial set of umap-learn: a symmetric sparse graph in CSR form whose weight
 * w_ij is the fuzzy union of "j is near i" and "i is near j".
 */
final class FuzzyGraph {
    private static final double SMOOTH_K_TOLERANCE = 1e-5;
    private static final double MIN_K_DIST_SCALE = 1e-3;
    private static final int SMOOTH_K_ITERATIONS = 64;

    final int n;
    final int[] rowStart;
    final int[] columns;
    final float[] weights;

    FuzzyGraph(int n, int[] rowStart, int[] columns, float[] weights) {
        this.n = n;
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
    }

    int edges() {
        return rowStart[n];
    }

    float maxWeight() {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, w);
        }
        return max;
    }

    /**
     * umap-learn's smooth_knn_dist: rho_i is the distance to the nearest other point (local
     * connectivity 1), sigma_i solves Σ_j exp(−max(0, d_ij − rho_i)/sigma_i) = log2(k) over the
     * k−1 neighbours. Returns {rho, sigma}.
     */
    static double[][] smoothKnnDistances(KnnGraph knn) {
        try (Workers one = new Workers(1)) {
            return smoothKnnDistances(knn, one);
        }
    }

    static double[][] smoothKnnDistances(KnnGraph knn, Workers workers) {
        int n = knn.n();
        float[] dist = knn.distances();
        double meanAll = 0;
        for (float v : dist) {
            meanAll += v;
        }
        double meanOfAll = meanAll / dist.length;
        double[] rho = new double[n];
        double[] sigma = new double[n];
        workers.forBlocks(n, 256, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                smoothRow(dist, knn.k(), i, meanOfAll, rho, sigma);
            }
        });
        return new double[][] {rho, sigma};
    }

    private static void smoothRow(float[] dist, int k, int i, double meanAll, double[] rho, double[] sigma) {
        double target = Math.log(k) / Math.log(2);
        int base = i * k;
        double rhoI = 0;
        for (int j = 0; j < k; j++) {
            // the first positive distance (distances are ascending)
            if (dist[base + j] > 0) {
                rhoI = dist[base + j];
                break;
            }
        }
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1.0;
        for (int it = 0; it < SMOOTH_K_ITERATIONS; it++) {
            double psum = 0;
            for (int j = 1; j < k; j++) {
                double dd = dist[base + j] - rhoI;
                psum += dd > 0 ? Math.exp(-(dd / mid)) : 1.0;
            }
            if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) {
                break;
            }
            if (psum > target) {
                hi = mid;
                mid = (lo + hi) / 2.0;
            } else {
                lo = mid;
                mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2.0;
            }
        }
        if (rhoI > 0) {
            double meanI = 0;
            for (int j = 0; j < k; j++) {
                meanI += dist[base + j];
            }
            meanI /= k;
            mid = Math.max(mid, MIN_K_DIST_SCALE * meanI);
        } else {
            mid = Math.max(mid, MIN_K_DIST_SCALE * meanAll);
        }
        rho[i] = rhoI;
        sigma[i] = mid;
    }

    /** Membership strengths, fuzzy union P + Pᵀ − P∘Pᵀ (umap-learn's fuzzy_simplicial_set). */
    static FuzzyGraph build(KnnGraph knn) {
        try (Workers one = new Workers(1)) {
            return build(knn, one);
        }
    }

    static FuzzyGraph build(KnnGraph knn, Workers workers) {
        int n = knn.n();
        int k = knn.k();
        double[][] rs = smoothKnnDistances(knn, workers);
        double[] rho = rs[0];
        double[] sigma = rs[1];
        // Each directed kNN entry (i -> j, p) lands in row i as "forward" and row j as "backward".
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                int j = knn.index(i, a);
                if (j != i && j >= 0) {
                    count[i]++;
                    count[j]++;
                }
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int total = start[n];
        int[] fill = java.util.Arrays.copyOf(start, n);
        // column << 33 | backward << 32 | membership bits: one sort orders a row by column
        long[] keys = new long[total];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                int j = knn.index(i, a);
                if (j == i || j < 0) {
                    continue;
                }
                double dd = knn.distance(i, a) - rho[i];
                float p = (dd <= 0 || sigma[i] == 0) ? 1f : (float) Math.exp(-(dd / sigma[i]));
                long bits = Float.floatToRawIntBits(p) & 0xFFFFFFFFL;
                keys[fill[i]++] = ((long) j << 33) | bits;
                keys[fill[j]++] = ((long) i << 33) | (1L << 32) | bits;
            }
        }
        int[] rowStart = new int[n + 1];
        int[] columns = new int[total];
        float[] weights = new float[total];
        int out = 0;
        workers.forBlocks(n, 256, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                java.util.Arrays.sort(keys, start[i], start[i + 1]);
            }
        });
        for (int i = 0; i < n; i++) {
            rowStart[i] = out;
            int e = start[i];
            while (e < start[i + 1]) {
                int col = (int) (keys[e] >>> 33);
                float forward = 0;
                float backward = 0;
                while (e < start[i + 1] && (int) (keys[e] >>> 33) == col) {
                    float p = Float.intBitsToFloat((int) keys[e]);
                    if ((keys[e] & (1L << 32)) == 0) {
                        forward = p;
                    } else {
                        backward = p;
                    }
                    e++;
                }
                float w = forward + backward - forward * backward;
                if (w > 0) {
                    columns[out] = col;
                    weights[out] = w;
                    out++;
                }
            }
        }
        rowStart[n] = out;
        return new FuzzyGraph(n, rowStart, java.util.Arrays.copyOf(columns, out),
                java.util.Arrays.copyOf(weights, out));
    }

    /** Drops edges lighter than {@code threshold} (umap-learn prunes w < max(w)/n_epochs before the layout). */
    FuzzyGraph prune(float threshold) {
        int[] rs = new int[n + 1];
        int[] cols = new int[edges()];
        float[] ws = new float[edges()];
        int out = 0;
        for (int i = 0; i < n; i++) {
            rs[i] = out;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                if (!(weights[e] < threshold)) {
                    cols[out] = columns[e];
                    ws[out] = weights[e];
                    out++;
                }
            }
        }
        rs[n] = out;
        return new FuzzyGraph(n, rs, java.util.Arrays.copyOf(cols, out), java.util.Arrays.copyOf(ws, out));
    }
}
