package org.umapanim.umap;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Recall of a kNN graph against brute force on a seeded sample of rows (the exact kNN of a
 * 200,000-row set takes too long), in double precision and independent of the production
 * kernels: the mean over the sampled rows of |found ∩ exact| / k.
 */
public final class SampledRecall {
    private SampledRecall() {}

    public static double of(KnnGraph found, float[] x, int n, int d, Metric metric, int sample, long seed) {
        int k = found.k();
        int[] rows = new SplittableRandom(seed).ints(0, n).distinct().limit(Math.min(sample, n)).toArray();
        double[] v = rowsFor(x, n, d, metric);
        long hits = IntStream.range(0, rows.length).parallel().mapToLong(s -> {
            int i = rows[s];
            long h = 0;
            for (int want : nearest(v, n, d, metric, i, k)) {
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

    /** The k nearest rows of row i under the metric, itself first, then by distance and index. */
    static int[] nearest(float[] x, int n, int d, Metric metric, int i, int k) {
        return nearest(rowsFor(x, n, d, metric), n, d, metric, i, k);
    }

    /** The rows in double, centred (correlation) and scaled to unit length (cosine, correlation). */
    private static double[] rowsFor(float[] x, int n, int d, Metric metric) {
        double[] v = new double[n * d];
        IntStream.range(0, n).parallel().forEach(r -> {
            double mean = 0;
            for (int c = 0; c < d; c++) {
                v[r * d + c] = x[r * d + c];
                mean += v[r * d + c] / d;
            }
            if (metric == Metric.COSINE || metric == Metric.CORRELATION) {
                double norm = 0;
                for (int c = 0; c < d; c++) {
                    if (metric == Metric.CORRELATION) {
                        v[r * d + c] -= mean;
                    }
                    norm += v[r * d + c] * v[r * d + c];
                }
                for (int c = 0; c < d; c++) {
                    v[r * d + c] = norm > 0 ? v[r * d + c] / Math.sqrt(norm) : 0;
                }
            }
        });
        return v;
    }

    private static int[] nearest(double[] v, int n, int d, Metric metric, int i, int k) {
        double[] best = new double[k];
        int[] idx = new int[k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = Double.NEGATIVE_INFINITY;
        idx[0] = i;
        boolean manhattan = metric == Metric.MANHATTAN;
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double s = 0;
            for (int c = 0; c < d; c++) {
                double t = v[i * d + c] - v[j * d + c];
                s += manhattan ? Math.abs(t) : t * t;
            }
            if (s < best[k - 1]) {
                int p = k - 1;
                while (p > 1 && best[p - 1] > s) {
                    best[p] = best[p - 1];
                    idx[p] = idx[p - 1];
                    p--;
                }
                best[p] = s;
                idx[p] = j;
            }
        }
        return idx;
    }
}
