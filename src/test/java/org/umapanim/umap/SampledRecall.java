package org.umapanim.umap;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Recall of a kNN graph against brute force on a seeded sample of rows (exact kNN of a 200k-row set
 * takes too long), computed in double precision independently of the production kernels.
 */
public final class SampledRecall {
    private SampledRecall() {}

    public static double of(KnnGraph found, float[] x, int n, int d, int sample, long seed) {
        int k = found.k();
        int[] rows = new SplittableRandom(seed).ints(0, n).distinct().limit(Math.min(sample, n)).toArray();
        long hits = IntStream.range(0, rows.length).parallel().mapToLong(s -> {
            int i = rows[s];
            int[] truth = nearest(x, n, d, i, k);
            long h = 0;
            for (int want : truth) {
                for (int b = 0; b < k; b++) {
                    if (found.index(i, b) == want) {
                        h++;
                        break;
                    }
                }
            }
            return h;
        }).sum();
        return hits / ((double) rows.length * k);
    }

    /** The k nearest rows of row i (itself included), ties by index. */
    static int[] nearest(float[] x, int n, int d, int i, int k) {
        double[] best = new double[k];
        int[] idx = new int[k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(idx, Integer.MAX_VALUE);
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double t = (double) x[i * d + c] - x[j * d + c];
                s += t * t;
            }
            if (s < best[k - 1]) {
                int p = k - 1;
                while (p > 0 && best[p - 1] > s) {
                    best[p] = best[p - 1];
                    idx[p] = idx[p - 1];
                    p--;
                }
                best[p] = s;
                idx[p] = j;
            }
        }
        if (idx[0] != i && best[0] == 0) {
            // the row itself is always first, as in the graphs (duplicates tie with it)
            for (int p = 1; p < k; p++) {
                if (idx[p] == i) {
                    idx[p] = idx[0];
                    idx[0] = i;
                }
            }
        }
        return idx;
    }
}
