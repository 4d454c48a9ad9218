package org.umapanim.quality;

/**
 * The high-dimensional side of trustworthiness and neighbour preservation, found once and
 * exactly: for each of the first {@code sample.highD()} sampled points, its squared euclidean
 * distance to every point and its k nearest other points. The rank of a point among a sampled
 * point's neighbours is counted from the distances when first asked for and then remembered:
 * a layout's neighbours change little from one epoch to the next.
 *
 * <p>The distances are |x|² + |y|² − 2 x·y, the dot products a product of the data with the
 * sample's transposed rows in float with zero entries skipped (MNIST is 80 % zeros): exact for
 * 8-bit pixels while a sum stays below 2^24, as it does for nearly every pair of MNIST digits.
 */
final class InputNeighbours {
    private static final int BLOCK = 16;

    private final int k;
    private final float[][] distances;
    private final int[][] nearest;
    private final RankCache[] ranks;

    private InputNeighbours(int k, float[][] distances, int[][] nearest) {
        this.k = k;
        this.distances = distances;
        this.nearest = nearest;
        this.ranks = new RankCache[distances.length];
        for (int q = 0; q < ranks.length; q++) {
            ranks[q] = new RankCache();
        }
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
        float[][] sampleColumns = new float[d][m];
        for (int q = 0; q < m; q++) {
            int i = sample.point(q);
            for (int c = 0; c < d; c++) {
                sampleColumns[c][q] = values[i * d + c];
            }
        }
        float[][] distances = new float[m][n];
        // blocks of points share each pass over a feature's sample column, which stays in cache
        float[][] dot = new float[BLOCK][m];
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            for (float[] row : dot) {
                java.util.Arrays.fill(row, 0f);
            }
            for (int c = 0; c < d; c++) {
                for (int j = j0; j < j1; j++) {
                    float v = values[j * d + c];
                    if (v != 0f) {
                        axpy(v, sampleColumns[c], dot[j - j0]);
                    }
                }
            }
            for (int q = 0; q < m; q++) {
                double self = norms[sample.point(q)];
                float[] row = distances[q];
                for (int j = j0; j < j1; j++) {
                    row[j] = (float) Math.max(0, self + norms[j] - 2.0 * dot[j - j0][q]);
                }
            }
        }
        int[][] nearest = new int[m][];
        for (int q = 0; q < m; q++) {
            nearest[q] = nearestOthers(distances[q], sample.point(q), k);
        }
        return new InputNeighbours(k, distances, nearest);
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

    /** The k smallest entries of {@code row} other than {@code self}, ties to the lower index. */
    private static int[] nearestOthers(float[] row, int self, int k) {
        int[] best = new int[k];
        float[] bestDistance = new float[k];
        java.util.Arrays.fill(bestDistance, Float.POSITIVE_INFINITY);
        for (int j = 0; j < row.length; j++) {
            float dist = row[j];
            if (j == self || !(dist < bestDistance[k - 1])) {
                continue;
            }
            int p = k - 1;
            while (p > 0 && bestDistance[p - 1] > dist) {
                bestDistance[p] = bestDistance[p - 1];
                best[p] = best[p - 1];
                p--;
            }
            bestDistance[p] = dist;
            best[p] = j;
        }
        return best;
    }

    int k() {
        return k;
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

    /** j's rank among sampled point q's neighbours in the input space (1 = nearest; q itself not counted). */
    int rank(int q, int self, int j) {
        int known = ranks[q].get(j);
        if (known > 0) {
            return known;
        }
        float[] row = distances[q];
        float dj = row[j];
        int closer = 0;
        for (float dist : row) {
            if (dist < dj) {
                closer++;
            }
        }
        if (row[self] < dj) {
            closer--;   // the point itself is nobody's neighbour
        }
        ranks[q].put(j, closer + 1);
        return closer + 1;
    }

    /**
     * Point → rank for one sampled point, open addressing on int arrays: a HashMap of boxed
     * keys took 0.47 µs a lookup here, a third of an epoch's measuring time.
     */
    private static final class RankCache {
        private int[] keys = new int[16];   // point + 1; 0 is empty
        private int[] values = new int[16];
        private int size;

        int get(int point) {
            int mask = keys.length - 1;
            for (int s = slot(point, mask); keys[s] != 0; s = (s + 1) & mask) {
                if (keys[s] == point + 1) {
                    return values[s];
                }
            }
            return 0;
        }

        void put(int point, int rank) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int s = slot(point, mask);
            while (keys[s] != 0) {
                s = (s + 1) & mask;
            }
            keys[s] = point + 1;
            values[s] = rank;
            size++;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[2 * oldKeys.length];
            values = new int[2 * oldKeys.length];
            size = 0;
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldKeys[s] != 0) {
                    put(oldKeys[s] - 1, oldValues[s]);
                }
            }
        }

        private static int slot(int point, int mask) {
            return (point * 0x9E3779B9 >>> 7) & mask;
        }
    }
}
