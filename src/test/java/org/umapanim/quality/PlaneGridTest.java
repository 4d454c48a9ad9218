package org.umapanim.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlaneGridTest {

    /** Brute force: the k nearest other points, nearest first, equal distances in index order. */
    private static int[] bruteForce(float[] xy, int self, int k) {
        int n = xy.length / 2;
        Integer[] others = new Integer[n - 1];
        for (int j = 0, o = 0; j < n; j++) {
            if (j != self) {
                others[o++] = j;
            }
        }
        java.util.Arrays.sort(others, (p, q) -> {
            int c = Double.compare(dist(xy, self, p), dist(xy, self, q));
            return c != 0 ? c : Integer.compare(p, q);
        });
        int[] out = new int[k];
        for (int r = 0; r < k; r++) {
            out[r] = others[r];
        }
        return out;
    }

    private static double dist(float[] xy, int i, int j) {
        double dx = (double) xy[2 * i] - xy[2 * j];
        double dy = (double) xy[2 * i + 1] - xy[2 * j + 1];
        return dx * dx + dy * dy;
    }

    private static void assertSameAsBruteForce(float[] xy, int k) {
        PlaneGrid grid = new PlaneGrid(xy);
        int[] found = new int[k];
        for (int i = 0; i < xy.length / 2; i++) {
            grid.nearest(i, found);
            assertThat(found).as("neighbours of %d", i).containsExactly(bruteForce(xy, i, k));
        }
    }

    @Test
    void clustersWithFarOutliersGiveTheExactNeighbours() {
        Random random = new Random(1);
        int n = 600;
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int cluster = i % 5;
            xy[2 * i] = (float) (cluster * 3 + random.nextGaussian() * (cluster + 1) * 0.2);
            xy[2 * i + 1] = (float) (cluster % 2 * 4 + random.nextGaussian() * 0.3);
        }
        xy[0] = 500f;   // outliers stretch the grid: most cells empty, clusters crowded into few
        xy[3] = -300f;
        assertSameAsBruteForce(xy, 15);
        assertSameAsBruteForce(xy, 10);
    }

    @Test
    void tiesAndCoincidentPointsGoInIndexOrder() {
        // a 6 × 6 lattice (many equal distances) with every point doubled
        float[] xy = new float[2 * 72];
        for (int i = 0; i < 72; i++) {
            int cell = i % 36;
            xy[2 * i] = cell % 6;
            xy[2 * i + 1] = cell / 6;
        }
        assertSameAsBruteForce(xy, 15);
    }

    @Test
    void aLineAndASinglePointWork() {
        float[] line = new float[2 * 40];
        for (int i = 0; i < 40; i++) {
            line[2 * i] = 7f;
            line[2 * i + 1] = i * i * 0.01f;
        }
        assertSameAsBruteForce(line, 15);
        assertSameAsBruteForce(new float[2 * 20], 15);   // every point in the same place
    }
}
