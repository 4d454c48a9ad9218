package org.umapanim.quality;

/**
 * The high-dimensional side of trustworthiness and neighbour preservation, found once and
 * exactly: for each of the first {@code sample.highD()} sampled points, the rank of every point
 * by its squared euclidean distance in the input space (1 = nearest; the point itself is
 * nobody's neighbour, and points at equal distance share the better rank, as sklearn's strict
 * comparison of distances gives), and its k nearest other points.
 *
 * <p>Ranks are looked up, never counted per epoch: while the layout is still noisy most of a
 * point's 15 layout neighbours change every epoch, and counting each new one's rank among all
 * points made the measures cost more than the run. The distances are |x|² + |y|² − 2 x·y, the dot
 * products taken in float with zero entries skipped (MNIST is 80 % zeros): exact for 8-bit
 * pixels while a sum stays below 2^24, as it does for nearly every pair of MNIST digits. Each row
 * is sorted by a three-pass radix sort of the distances' bits, which keeps equal distances in
 * index order.
 */
final class InputNeighbours {
    /** Distances computed at once: at most 512 sampled rows and 4M floats (16 MB). */
    private static final int CHUNK_ROWS = 512;
    private static final int CHUNK_FLOATS = 1 << 22;
    /** Points that share a pass over the chunk's columns, which stay in cache. */
    private static final int BLOCK = 16;

    private final int[][] ranks;
    private final int[][] nearest;

    private InputNeighbours(int[][] ranks, int[][] nearest) {
        this.ranks = ranks;
        this.nearest = nearest;
    }

    /** Measures the first {@code sample.highD()} sampled points of the n × d {@code values} against all. */
    static InputNeighbours of(float[] values, int n, int d, QualitySample sample, int k) {
        int m = sample.highD();
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double v = values[i * d + c];
                s += v * v;
            }
            norms[i] = s;
        }
        int[][] ranks = new int[m][];
        int[][] nearest = new int[m][];
        Radix radix = new Radix(n);
        int chunk = Math.max(1, Math.min(CHUNK_ROWS, CHUNK_FLOATS / n));
        for (int q0 = 0; q0 < m; q0 += chunk) {
            float[][] rows = distances(values, n, d, norms, sample, q0, Math.min(m, q0 + chunk));
            for (int q = q0; q < Math.min(m, q0 + chunk); q++) {
                int[] order = radix.sort(rows[q - q0]);
                ranks[q] = new int[n];
                nearest[q] = rank(rows[q - q0], order, sample.point(q), k, ranks[q]);
            }
        }
        return new InputNeighbours(ranks, nearest);
    }

    /** Squared distances from sampled points q0 … q1−1 to every point. */
    private static float[][] distances(float[] values, int n, int d, double[] norms, QualitySample sample,
                                       int q0, int q1) {
        int width = q1 - q0;
        float[][] columns = new float[d][width];
        for (int q = q0; q < q1; q++) {
            int i = sample.point(q);
            for (int c = 0; c < d; c++) {
                columns[c][q - q0] = values[i * d + c];
            }
        }
        float[][] rows = new float[width][n];
        float[][] dot = new float[BLOCK][width];
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            for (float[] acc : dot) {
                java.util.Arrays.fill(acc, 0f);
            }
            for (int c = 0; c < d; c++) {
                for (int j = j0; j < j1; j++) {
                    float v = values[j * d + c];
                    if (v != 0f) {
                        axpy(v, columns[c], dot[j - j0]);
                    }
                }
            }
            for (int q = 0; q < width; q++) {
                double self = norms[sample.point(q0 + q)];
                float[] row = rows[q];
                for (int j = j0; j < j1; j++) {
                    row[j] = (float) Math.max(0, self + norms[j] - 2.0 * dot[j - j0][q]);
                }
            }
        }
        return rows;
    }

    /**
     * y += v · x. Whole arrays, no offsets, in a method of its own: Java 17's JIT vectorises this
     * loop (0.25 ns an element here) but not one indexed with offsets into larger arrays (1.2 ns).
     */
    private static void axpy(float v, float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += v * x[i];
        }
    }

    /** Fills {@code ranks} from the sorted {@code order} of {@code row} and returns the k nearest others. */
    private static int[] rank(float[] row, int[] order, int self, int k, int[] ranks) {
        int[] near = new int[k];
        int position = 0;   // among the others, 0-based
        int runStart = 0;
        float runDistance = Float.NaN;
        for (int j : order) {
            if (j == self) {
                continue;
            }
            if (row[j] != runDistance) {
                runDistance = row[j];
                runStart = position;
            }
            ranks[j] = runStart + 1;
            if (position < k) {
                near[position] = j;
            }
            position++;
        }
        ranks[self] = 0;
        return near;
    }

    /** Whether point j is among the k nearest of sampled point q in the input space. */
    boolean isNear(int q, int j) {
        for (int near : nearest[q]) {
            if (near == j) {
                return true;
            }
        }
        return false;
    }

    /** j's rank among sampled point q's neighbours in the input space (1 = nearest). */
    int rank(int q, int j) {
        return ranks[q][j];
    }

    /**
     * Indices ordered by non-negative float keys: least-significant-digit radix sort of the
     * keys' bits (whose order as integers is the floats' order), 11 + 11 + 10 bits, stable, so
     * equal keys stay in index order. Sorting packed (key, index) longs with Arrays.sort took
     * 0.43 ms a row of 10,000 here, this 0.08 ms.
     */
    private static final class Radix {
        private final int[] order;
        private final int[] spare;
        private final int[] keys;
        private final int[] spareKeys;
        private final int[] counts = new int[1 << 11];

        Radix(int n) {
            order = new int[n];
            spare = new int[n];
            keys = new int[n];
            spareKeys = new int[n];
        }

        int[] sort(float[] values) {
            int n = values.length;
            for (int j = 0; j < n; j++) {
                order[j] = j;
                keys[j] = Float.floatToRawIntBits(values[j]);
            }
            int[] from = order;
            int[] to = spare;
            int[] fromKeys = keys;
            int[] toKeys = spareKeys;
            for (int shift = 0; shift < 32; shift += 11) {
                int mask = shift == 22 ? (1 << 10) - 1 : (1 << 11) - 1;
                java.util.Arrays.fill(counts, 0);
                for (int j = 0; j < n; j++) {
                    counts[(fromKeys[j] >>> shift) & mask]++;
                }
                for (int b = 0, sum = 0; b < counts.length; b++) {
                    int c = counts[b];
                    counts[b] = sum;
                    sum += c;
                }
                for (int j = 0; j < n; j++) {
                    int slot = counts[(fromKeys[j] >>> shift) & mask]++;
                    to[slot] = from[j];
                    toKeys[slot] = fromKeys[j];
                }
                int[] t = from;
                from = to;
                to = t;
                t = fromKeys;
                fromKeys = toKeys;
                toKeys = t;
            }
            return from;
        }
    }
}
