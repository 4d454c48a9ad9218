package org.umapanim.umap;

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
