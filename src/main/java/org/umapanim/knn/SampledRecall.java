package org.umapanim.knn;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Recall of a kNN graph against brute force on a seeded sample of rows (the exact kNN of a
 * million rows takes too long): the mean over the sampled rows of |found ∩ exact| / k. In double
 * precision and independent of the search's kernels, so the benchmark and {@code --verbose} can
 * trust it; each sampled row costs one pass over the data.
 */
public final class SampledRecall {
    private SampledRecall() {}

    public static double of(KnnGraph found, float[] x, int n, int d, Metric metric, int sample, long seed) {
        int k = found.k();
        int[] rows = new SplittableRandom(seed).ints(0, n).distinct().limit(Math.min(sample, n)).toArray();
        Rows v = new Rows(x, n, d, metric);
        long hits = IntStream.range(0, rows.length).parallel().mapToLong(s -> {
            int i = rows[s];
            long h = 0;
            for (int want : v.nearest(i, k)) {
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
        return new Rows(x, n, d, metric).nearest(i, k);
    }

    /**
     * The rows as the metric sees them: centred (correlation) and scaled to unit length (cosine,
     * correlation) on the fly, from each row's mean and length, rather than copied.
     */
    private static final class Rows {
        private final float[] x;
        private final int n;
        private final int d;
        private final boolean manhattan;
        private final double[] mean;
        private final double[] scale;

        Rows(float[] x, int n, int d, Metric metric) {
            this.x = x;
            this.n = n;
            this.d = d;
            this.manhattan = metric == Metric.MANHATTAN;
            this.mean = new double[n];
            this.scale = new double[n];
            boolean centred = metric == Metric.CORRELATION;
            boolean unit = metric == Metric.COSINE || centred;
            IntStream.range(0, n).parallel().forEach(r -> {
                double m = 0;
                for (int c = 0; c < d; c++) {
                    m += (double) x[r * d + c] / d;
                }
                mean[r] = centred ? m : 0;
                double norm = 0;
                for (int c = 0; c < d; c++) {
                    double t = x[r * d + c] - mean[r];
                    norm += t * t;
                }
                scale[r] = !unit ? 1 : norm > 0 ? 1 / Math.sqrt(norm) : 0;
            });
        }

        private double value(int r, int c) {
            return (x[r * d + c] - mean[r]) * scale[r];
        }

        int[] nearest(int i, int k) {
            double[] best = new double[k];
            int[] idx = new int[k];
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            best[0] = Double.NEGATIVE_INFINITY;
            idx[0] = i;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double t = value(i, c) - value(j, c);
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
}
