package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.knn.Blobs;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Metric;
import org.umapanim.knn.NearestNeighbors;

class FuzzyGraphTest {

    private static KnnGraph knnOfBlobs(int k) {
        Blobs b = Blobs.make(100, 4, 10, 5.0, 3);
        return NearestNeighbors.exact(b.values(), b.n(), b.d(), k, Metric.EUCLIDEAN, 1, Progress.NONE);
    }

    @Test
    void sigmaMakesTheMembershipsSumToLog2K() {
        int k = 15;
        KnnGraph knn = knnOfBlobs(k);
        double[][] rs = FuzzyGraph.smoothKnnDistances(knn);
        for (int i = 0; i < knn.n(); i += 37) {
            assertThat(rs[0][i]).isEqualTo(knn.distance(i, 1), within(1e-6));
            double sum = 0;
            for (int j = 1; j < k; j++) {
                double dd = knn.distance(i, j) - rs[0][i];
                sum += dd > 0 ? Math.exp(-dd / rs[1][i]) : 1.0;
            }
            assertThat(sum).isCloseTo(Math.log(k) / Math.log(2), within(1e-4));
        }
    }

    @Test
    void graphIsTheSymmetricFuzzyUnion() {
        KnnGraph knn = knnOfBlobs(10);
        FuzzyGraph g = FuzzyGraph.build(knn);
        double[][] rs = FuzzyGraph.smoothKnnDistances(knn);
        for (int i = 0; i < g.n; i++) {
            for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                int j = g.columns[e];
                assertThat(j).isNotEqualTo(i);
                float w = g.weights[e];
                assertThat(w).isGreaterThan(0f).isLessThanOrEqualTo(1f);
                assertThat(weight(g, j, i)).isEqualTo(w);
                double p = membership(knn, rs, i, j);
                double q = membership(knn, rs, j, i);
                assertThat((double) w).isCloseTo(p + q - p * q, within(1e-6));
            }
        }
        // every row's nearest neighbour has membership 1, so every row keeps an edge of weight 1
        // (up to float rounding of 1 + q − q)
        for (int i = 0; i < g.n; i++) {
            assertThat(weight(g, i, knn.index(i, 1))).isGreaterThan(0.9999f);
        }
    }

    private static double membership(KnnGraph knn, double[][] rs, int i, int j) {
        for (int a = 1; a < knn.k(); a++) {
            if (knn.index(i, a) == j) {
                double dd = knn.distance(i, a) - rs[0][i];
                return dd <= 0 ? 1.0 : Math.exp(-dd / rs[1][i]);
            }
        }
        return 0;
    }

    private static float weight(FuzzyGraph g, int i, int j) {
        for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
            if (g.columns[e] == j) {
                return g.weights[e];
            }
        }
        return 0f;
    }

    @Test
    void pruningDropsOnlyLightEdges() {
        FuzzyGraph g = FuzzyGraph.build(knnOfBlobs(15));
        float threshold = 0.5f;
        FuzzyGraph pruned = g.prune(threshold);
        int heavy = 0;
        for (float w : g.weights) {
            if (w >= threshold) {
                heavy++;
            }
        }
        assertThat(pruned.edges()).isEqualTo(heavy).isLessThan(g.edges());
        for (float w : pruned.weights) {
            assertThat(w).isGreaterThanOrEqualTo(threshold);
        }
    }
}
