package org.umapanim.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;

class NearestNeighborsTest {

    @Test
    void exactMatchesNaiveSearch() {
        Blobs b = Blobs.make(60, 5, 20, 2.0, 11);
        int k = 8;
        KnnGraph knn = NearestNeighbors.exact(b.values(), b.n(), b.d(), k, Metric.EUCLIDEAN, 2, Progress.NONE);
        for (int i = 0; i < b.n(); i++) {
            int row = i;
            Integer[] order = IntStream.range(0, b.n()).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(j -> naive(b, row, j)));
            assertThat(knn.index(i, 0)).isEqualTo(i);
            assertThat(knn.distance(i, 0)).isZero();
            for (int a = 1; a < k; a++) {
                assertThat(knn.index(i, a)).isEqualTo(order[a]);
                assertThat((double) knn.distance(i, a)).isCloseTo(Math.sqrt(naive(b, i, order[a])), within(1e-4));
            }
        }
    }

    private static double naive(Blobs b, int i, int j) {
        double s = 0;
        for (int c = 0; c < b.d(); c++) {
            double t = b.values()[i * b.d() + c] - b.values()[j * b.d() + c];
            s += t * t;
        }
        return s;
    }

    /** The metric's distance in double precision, straight from its definition. */
    private static double naive(float[] x, int d, Metric metric, int i, int j) {
        double dot = 0, ni = 0, nj = 0, manhattan = 0, mi = 0, mj = 0;
        for (int c = 0; c < d; c++) {
            mi += x[i * d + c] / (double) d;
            mj += x[j * d + c] / (double) d;
        }
        boolean centre = metric == Metric.CORRELATION;
        for (int c = 0; c < d; c++) {
            double a = x[i * d + c] - (centre ? mi : 0);
            double b = x[j * d + c] - (centre ? mj : 0);
            dot += a * b;
            ni += a * a;
            nj += b * b;
            manhattan += Math.abs(a - b);
        }
        return switch (metric) {
            case EUCLIDEAN -> Math.sqrt(ni + nj - 2 * dot);
            case MANHATTAN -> manhattan;
            case COSINE, CORRELATION -> 1 - dot / Math.sqrt(ni * nj);
        };
    }

    @Test
    void everyMetricMatchesItsDefinition() {
        Blobs b = Blobs.make(60, 5, 20, 2.0, 11);
        int k = 8;
        for (Metric metric : Metric.values()) {
            KnnGraph knn = NearestNeighbors.exact(b.values(), b.n(), b.d(), k, metric, 2, Progress.NONE);
            for (int i = 0; i < b.n(); i++) {
                int row = i;
                Integer[] order = IntStream.range(0, b.n()).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble(j -> j == row ? -1 : naive(b.values(), b.d(), metric, row, j)));
                assertThat(knn.index(i, 0)).isEqualTo(i);
                for (int a = 1; a < k; a++) {
                    assertThat(knn.index(i, a)).as("%s row %d", metric, i).isEqualTo(order[a]);
                    double want = naive(b.values(), b.d(), metric, i, order[a]);
                    assertThat((double) knn.distance(i, a)).as("%s", metric).isCloseTo(want, within(1e-5 * Math.max(1, want)));
                }
            }
        }
    }

    @Test
    void cosineNeighboursIgnoreEachRowsScale() {
        Blobs b = Blobs.make(500, 10, 20, 1.0, 8);
        java.util.Random r = new java.util.Random(4);
        float[] scaled = b.values().clone();
        float[] powersOfTwo = b.values().clone();
        for (int i = 0; i < b.n(); i++) {
            float factor = (float) Math.pow(10, r.nextInt(13) - 6) * (1 + r.nextFloat());
            float power = (float) Math.pow(2, r.nextInt(80) - 40);
            for (int c = 0; c < b.d(); c++) {
                scaled[i * b.d() + c] *= factor;
                powersOfTwo[i * b.d() + c] *= power;
            }
        }
        // below the exact threshold: the same neighbours, whatever the factors
        int small = 1500;
        KnnGraph exact = NearestNeighbors.search(Arrays.copyOf(b.values(), small * b.d()), small, b.d(), 15,
                Metric.COSINE, 3, 2, Progress.NONE);
        KnnGraph exactScaled = NearestNeighbors.search(Arrays.copyOf(scaled, small * b.d()), small, b.d(), 15,
                Metric.COSINE, 3, 2, Progress.NONE);
        assertThat(exactScaled.indices()).isEqualTo(exact.indices());
        // NN-descent: powers of two change no bit; other factors round each value anew, which may
        // tip a near-tie, so almost all neighbours agree
        KnnGraph approx = NearestNeighbors.search(b.values(), b.n(), b.d(), 15, Metric.COSINE, 3, 2, Progress.NONE);
        KnnGraph approxTwo = NearestNeighbors.search(powersOfTwo, b.n(), b.d(), 15, Metric.COSINE, 3, 2, Progress.NONE);
        KnnGraph approxScaled = NearestNeighbors.search(scaled, b.n(), b.d(), 15, Metric.COSINE, 3, 2, Progress.NONE);
        assertThat(approxTwo.indices()).isEqualTo(approx.indices());
        assertThat(NearestNeighbors.recall(approxScaled, approx)).isGreaterThan(0.995);
    }

    @Test
    void everyMetricIsTheSameOnOneThreadAndTwo() {
        Blobs b = Blobs.make(450, 10, 12, 2.0, 6);
        for (Metric metric : Metric.values()) {
            KnnGraph one = NearestNeighbors.approximate(b.values(), b.n(), b.d(), 15, metric, 7, 1, Progress.NONE);
            KnnGraph two = NearestNeighbors.approximate(b.values(), b.n(), b.d(), 15, metric, 7, 2, Progress.NONE);
            assertThat(two.indices()).as("%s", metric).isEqualTo(one.indices());
            assertThat(two.distances()).as("%s", metric).isEqualTo(one.distances());
        }
    }

    @Test
    void pixelsCompareInExactIntegers() {
        // the same digits as pixels (bytes) and as floats that are not pixels (a 0.5 offset cancels
        // in every difference): the same neighbours, the same distances
        MnistSample s = MnistSample.load(1200);
        float[] shifted = s.values().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.5f;
        }
        KnnGraph pixels = NearestNeighbors.exact(s.values(), s.n(), s.d(), 15, Metric.EUCLIDEAN, 2, Progress.NONE);
        KnnGraph floats = NearestNeighbors.exact(shifted, s.n(), s.d(), 15, Metric.EUCLIDEAN, 2, Progress.NONE);
        assertThat(floats.indices()).isEqualTo(pixels.indices());
        assertThat(floats.distances()).isEqualTo(pixels.distances());
    }

    @Test
    void approximateReachesHighRecallOnDigits() throws Exception {
        MnistSample s = MnistSample.load(5000);
        KnnGraph exact = NearestNeighbors.exact(s.values(), s.n(), s.d(), 15, Metric.EUCLIDEAN, 2, Progress.NONE);
        KnnGraph approx = NearestNeighbors.approximate(s.values(), s.n(), s.d(), 15, Metric.EUCLIDEAN, 42, 2, Progress.NONE);
        assertThat(NearestNeighbors.recall(approx, exact)).isGreaterThanOrEqualTo(0.99);
        for (int i = 0; i < s.n(); i++) {
            assertThat(approx.index(i, 0)).isEqualTo(i);
            for (int a = 2; a < 15; a++) {
                assertThat(approx.distance(i, a)).isGreaterThanOrEqualTo(approx.distance(i, a - 1));
            }
        }
    }

    @Test
    void clustersOfManyDimensionsGetTheirExactNeighbours() {
        // NN-descent alone stops near recall 0.9 on Gaussian blobs of 50 dimensions; their rows
        // are separate components of its graph, small enough to search exhaustively
        Blobs b = Blobs.make(1400, 3, 50, 6.0, 12);
        KnnGraph exact = NearestNeighbors.exact(b.values(), b.n(), b.d(), 15, Metric.EUCLIDEAN, 2, Progress.NONE);
        for (Metric metric : new Metric[] {Metric.EUCLIDEAN, Metric.COSINE}) {
            KnnGraph truth = metric == Metric.EUCLIDEAN ? exact
                    : NearestNeighbors.exact(b.values(), b.n(), b.d(), 15, metric, 2, Progress.NONE);
            KnnGraph one = NearestNeighbors.approximate(b.values(), b.n(), b.d(), 15, metric, 5, 1, Progress.NONE);
            KnnGraph two = NearestNeighbors.approximate(b.values(), b.n(), b.d(), 15, metric, 5, 2, Progress.NONE);
            assertThat(NearestNeighbors.recall(two, truth)).as("%s", metric).isGreaterThanOrEqualTo(0.999);
            assertThat(two.indices()).isEqualTo(one.indices());
            assertThat(two.distances()).isEqualTo(one.distances());
        }
    }

    @Test
    void approximateDependsOnTheSeedNotOnTheThreadCount() {
        Blobs b = Blobs.make(500, 10, 30, 3.0, 5);
        KnnGraph one = NearestNeighbors.approximate(b.values(), b.n(), b.d(), 15, Metric.EUCLIDEAN, 7, 1, Progress.NONE);
        KnnGraph two = NearestNeighbors.approximate(b.values(), b.n(), b.d(), 15, Metric.EUCLIDEAN, 7, 2, Progress.NONE);
        assertThat(two.indices()).isEqualTo(one.indices());
        assertThat(two.distances()).isEqualTo(one.distances());
    }

    @Test
    void recallCountsSharedNeighbours() {
        KnnGraph truth = new KnnGraph(2, 2, new int[] {0, 1, 1, 0}, new float[] {0, 1, 0, 1});
        KnnGraph half = new KnnGraph(2, 2, new int[] {0, 1, 1, 1}, new float[] {0, 1, 0, 1});
        assertThat(NearestNeighbors.recall(truth, truth)).isEqualTo(1.0);
        assertThat(NearestNeighbors.recall(half, truth)).isEqualTo(0.75);
    }

    @Test
    void reportsProgressInRows() {
        Blobs b = Blobs.make(50, 4, 5, 2.0, 1);
        long[] steps = new long[1];
        String[] name = new String[1];
        Progress progress = (taskName, total) -> {
            name[0] = taskName;
            return new Progress.Task() {
                @Override
                public void step(long n) {
                    synchronized (steps) {
                        steps[0] += n;
                    }
                }

                @Override
                public void close() {}
            };
        };
        NearestNeighbors.exact(b.values(), b.n(), b.d(), 5, Metric.EUCLIDEAN, 2, progress);
        assertThat(name[0]).isEqualTo("kNN");
        assertThat(steps[0]).isEqualTo(b.n());
    }
}
