package org.umapanim.quality;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.umapanim.knn.Blas;
import org.umapanim.knn.Magnitude;
import org.umapanim.knn.Workers;

/**
 * The high-dimensional side of trustworthiness and neighbour preservation, found once: for each
 * of the first {@code sample.highD()} sampled points, its k nearest other points and the rank of
 * any point by its squared euclidean distance in the input space (1 = nearest; the point itself is
 * nobody's neighbour, and points at equal distance share the better rank, as sklearn's strict
 * comparison of distances gives).
 *
 * <p>Ranks are looked up, never counted per epoch: while the layout is still noisy most of a
 * point's 15 layout neighbours change every epoch, and counting each new one's rank among all
 * points made the measures cost more than the run. Up to {@link #MAX_RANKS} ranks in all (64 MB:
 * 500 sampled points of up to 33,554) every rank is kept. Beyond, each sampled point keeps its
 * {@link #HEAD} nearest points' ranks exactly and every s-th distance after them, s chosen so that
 * {@link #TAIL} distances reach the farthest point; a farther point's rank is read off those from
 * its distance, computed again, to within s/2: 61 ranks in a million, where such a point's
 * penalty (rank − k) is over 4,000. Before, the sample was cut to what 64 MB of ranks held: 16
 * points for a million, a standard error of about 0.014 on trustworthiness by the bundled digits'
 * figures (0.0025 from 500), and 240 neighbours for the preservation.
 *
 * <p>The distances are |x|² + |y|² − 2 x·y, the dot products single-precision matrix products
 * (OpenBLAS's sgemm, one thread per call): exact for 8-bit pixels while a sum stays below 2^24, as
 * it does for nearly every pair of MNIST digits. For the bundled digits' 500 sampled rows against
 * all 10,000 it took 0.1 s against 0.5 s for Java's own loops that skipped the zero pixels, which in
 * a fresh JVM ran interpreted at first. Each row is sorted by a three-pass radix sort of the
 * distances' bits, which keeps equal distances in index order.
 */
final class InputNeighbours {
    /** Ranks kept in all before the rows are sketched: one int per sampled point per point. */
    static final long MAX_RANKS = 1L << 24;
    /** Nearest points whose ranks a sketched row keeps exactly. */
    static final int HEAD = 4_096;
    /** Distances a sketched row keeps beyond its head. */
    static final int TAIL = 8_192;
    /** Points whose dot products with a block of sampled rows one matrix product takes. */
    private static final int POINTS_PER_PRODUCT = 2048;
    /**
     * Distances a block of work holds at once (16 MB), and sampled rows it takes at most: the fewer
     * rows one matrix product takes, the slower it is per row (the bundled digits' 500 rows took
     * 0.51 s in blocks of 16, 0.28 s of 64, 0.26 s of 128 and 0.25 s all at once), but each
     * block's rows are one thread's work: 4 blocks for the bundled digits, rows of 4 for a million.
     */
    private static final int DISTANCES_PER_BLOCK = 1 << 22;
    private static final int MAX_ROWS_PER_BLOCK = 128;

    private final Ranks[] ranks;
    private final int[][] nearest;
    private final float[] values;
    private final int d;
    private final double[] norms;
    private final QualitySample sample;

    private InputNeighbours(Ranks[] ranks, int[][] nearest, float[] values, int d, double[] norms,
                            QualitySample sample) {
        this.ranks = ranks;
        this.nearest = nearest;
        this.values = values;
        this.d = d;
        this.norms = norms;
        this.sample = sample;
    }

    /**
     * Measures the first {@code sample.highD()} sampled points of the n × d {@code values} against
     * all, in blocks spread over {@code workers} whose bounds do not depend on their number.
     */
    static InputNeighbours of(float[] values, int n, int d, QualitySample sample, int k, Workers workers) {
        return of(values, n, d, sample, k, workers, MAX_RANKS, HEAD, TAIL);
    }

    /** As {@link #of(float[], int, int, QualitySample, int, Workers)}, with the sketch's sizes given. */
    static InputNeighbours of(float[] data, int n, int d, QualitySample sample, int k, Workers workers,
                              long maxRanks, int head, int tail) {
        Blas.singleThreaded();
        // squared distances of values from about 1e19 overflow a float, of values below about 1e-19
        // vanish: scaled by a power of two as the kNN scales them, no rank changes
        float[] values = Magnitude.moderated(data, workers);
        int m = sample.highD();
        boolean sketched = (long) m * n > maxRanks && n - 1 > head;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double v = values[i * d + c];
                s += v * v;
            }
            norms[i] = s;
        }
        Ranks[] ranks = new Ranks[m];
        int[][] nearest = new int[m][];
        int rowsPerBlock = Math.max(1, Math.min(MAX_ROWS_PER_BLOCK, DISTANCES_PER_BLOCK / n));
        // each thread reuses its arrays: a million points' rows are megabytes each, which G1
        // allocates outside the young generation
        workers.forBlocks(m, rowsPerBlock, () -> new Scratch(rowsPerBlock, n, sketched), (scratch, q0, q1) -> {
            distances(values, n, d, sample, norms, q0, q1, scratch.rows);
            for (int q = q0; q < q1; q++) {
                float[] row = scratch.rows[q - q0];
                int[] order = scratch.radix.sort(row);
                int[] ranked = sketched ? scratch.ranks : new int[n];
                nearest[q] = rank(row, order, sample.point(q), k, ranked);
                ranks[q] = sketched ? Sketch.of(row, order, sample.point(q), ranked, head, tail) : new All(ranked);
            }
        });
        return new InputNeighbours(ranks, nearest, values, d, sketched ? norms : null, sample);
    }

    /** Squared distances from sampled points q0 … q1 − 1 to every point, into rows[0 … q1 − q0 − 1]. */
    private static void distances(float[] values, int n, int d, QualitySample sample, double[] norms, int q0, int q1,
                                  float[][] rows) {
        int m = q1 - q0;
        float[] dots = new float[m * POINTS_PER_PRODUCT];
        try (FloatPointer sampled = new FloatPointer((long) m * d);
             FloatPointer points = new FloatPointer((long) POINTS_PER_PRODUCT * d);
             FloatPointer product = new FloatPointer((long) m * POINTS_PER_PRODUCT)) {
            for (int q = 0; q < m; q++) {
                sampled.position((long) q * d).put(values, sample.point(q0 + q) * d, d);
            }
            sampled.position(0);
            for (int j0 = 0; j0 < n; j0 += POINTS_PER_PRODUCT) {
                int width = Math.min(POINTS_PER_PRODUCT, n - j0);
                points.position(0).put(values, j0 * d, width * d).position(0);
                // product (m × width) = sampled (m × d) · points (width × d)ᵀ, row-major
                openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                        openblas_nolapack.CblasTrans, m, width, d, 1f, sampled, d, points, d, 0f, product, width);
                product.position(0).get(dots, 0, m * width);
                for (int q = 0; q < m; q++) {
                    double self = norms[sample.point(q0 + q)];
                    for (int j = j0; j < j0 + width; j++) {
                        rows[q][j] = distance(self, norms[j], dots[q * width + j - j0]);
                    }
                }
            }
        }
    }

    private static float distance(double normX, double normY, double dot) {
        return (float) Math.max(0, normX + normY - 2.0 * dot);
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
        if (ranks[q] instanceof All all) {
            return all.ranks[j];
        }
        Sketch sketch = (Sketch) ranks[q];
        int exact = sketch.headRank(j);
        return exact > 0 ? exact : sketch.estimate(distanceTo(q, j));
    }

    /**
     * How the ranks were found, for the file's footer: every rank exactly, or the nearest ones
     * exactly and the rest to within half the sketch's step.
     */
    String rankMethod() {
        if (!(ranks.length > 0 && ranks[0] instanceof Sketch sketch)) {
            return "every rank exact";
        }
        int head = sketch.headPoints.length;
        return String.format("exact for each sample point's %d nearest points; beyond them estimated to within %d "
                + "ranks from the distances at ranks %d, %d, %d, ...", head, sketch.step / 2, head + 1,
                head + 1 + sketch.step, head + 1 + 2 * sketch.step);
    }

    /**
     * The squared distance from sampled point q to point j, computed again the way the rows were
     * (but for the order of the sums).
     */
    private float distanceTo(int q, int j) {
        int i = sample.point(q);
        float dot = 0;
        for (int c = 0; c < d; c++) {
            dot += values[i * d + c] * values[j * d + c];
        }
        return distance(norms[i], norms[j], dot);
    }

    /** One thread's arrays: a block's rows of distances, their sort, and a sketched row's ranks. */
    private record Scratch(float[][] rows, Radix radix, int[] ranks) {
        Scratch(int rows, int n, boolean sketched) {
            this(new float[rows][n], new Radix(n), sketched ? new int[n] : null);
        }
    }

    /** One sampled point's ranks of the points. */
    private sealed interface Ranks permits All, Sketch {}

    /** Every point's rank. */
    private record All(int[] ranks) implements Ranks {}

    /**
     * The ranks of the nearest points ({@code headPoints} in index order, {@code headRanks} theirs;
     * {@code headDistances} in rank order), and the sorted distances of the {@code others} beyond
     * them at ranks head + 1, head + 1 + step, …
     */
    private record Sketch(int[] headPoints, int[] headRanks, float[] headDistances, float[] tail, int step,
                          int others) implements Ranks {
        static Sketch of(float[] row, int[] order, int self, int[] ranks, int head, int tail) {
            int others = row.length - 1;
            int beyondHead = others - head;
            int step = (beyondHead + tail - 1) / tail;
            int[] points = new int[head];
            float[] headDistances = new float[head];
            float[] distances = new float[(beyondHead + step - 1) / step];
            int position = 0;   // among the others, in order
            for (int j : order) {
                if (j == self) {
                    continue;
                }
                int beyond = position - head;
                if (beyond < 0) {
                    points[position] = j;
                    headDistances[position] = row[j];
                } else if (beyond % step == 0) {
                    distances[beyond / step] = row[j];
                }
                position++;
            }
            Arrays.sort(points);
            int[] headRanks = new int[head];
            for (int h = 0; h < head; h++) {
                headRanks[h] = ranks[points[h]];
            }
            return new Sketch(points, headRanks, headDistances, distances, step, others);
        }

        /** j's rank if it is among the head, else 0. */
        int headRank(int j) {
            int h = Arrays.binarySearch(headPoints, j);
            return h >= 0 ? headRanks[h] : 0;
        }

        /**
         * The rank of a point beyond the head at squared distance {@code distance}: exact among the
         * head (points tied with it there are not closer), and among the rest the middle of the
         * ranks the kept distances leave it between (exact when every distance is kept, step 1).
         */
        int estimate(float distance) {
            int closer = below(headDistances, distance);
            int kept = below(tail, distance);
            if (kept > 0) {
                // beyond the head, strictly closer: between (kept − 1)·step + 1 and kept·step of them
                closer = headPoints.length + (kept - 1) * step + 1 + (step - 1) / 2;
            }
            return Math.min(closer, others - 1) + 1;
        }

        /** How many of the ascending {@code sorted} are strictly below {@code value}. */
        private static int below(float[] sorted, float value) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
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
                Arrays.fill(counts, 0);
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
