package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.umapanim.knn.Workers;
import org.umapanim.reduce.Objective;

public class CrossEntropyEstimateTest {
    private static final double A = 1.577;
    private static final double B = 0.895;
    private static final Workers ONE_THREAD = new Workers(1);

    /** {@code graph}'s fuzzy cross-entropy as the measures take it. */
    public static Objective objective(UmapObjective graph) {
        return CrossEntropyEstimate.objective(graph);
    }

    /** The fuzzy cross-entropy of a {@link #graph}. */
    public static Objective objective(int n, int degree, long seed, double b) {
        return objective(graph(n, degree, seed, b));
    }

    /** A random symmetric graph of about {@code degree} neighbours per point, weights in (0, 1], in CSR form. */
    public static UmapObjective graph(int n, int degree, long seed, double b) {
        Random random = new Random(seed);
        java.util.List<TreeMap<Integer, Float>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new TreeMap<>());
        }
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < degree / 2; e++) {
                int j = random.nextInt(n);
                if (j != i) {
                    float w = 0.05f + 0.95f * random.nextFloat();
                    rows.get(i).put(j, w);
                    rows.get(j).put(i, w);
                }
            }
        }
        int[] rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = rowStart[i] + rows.get(i).size();
        }
        int[] columns = new int[rowStart[n]];
        float[] weights = new float[rowStart[n]];
        for (int i = 0, e = 0; i < n; i++) {
            for (var entry : rows.get(i).entrySet()) {
                columns[e] = entry.getKey();
                weights[e++] = entry.getValue();
            }
        }
        return new UmapObjective(n, rowStart, columns, weights, A, b);
    }

    /** A layout with points close together (v near 1) and far apart, some exactly coincident. */
    private static float[] layout(int n, long seed) {
        Random random = new Random(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            xy[i] = (float) (random.nextGaussian() * 4);
        }
        xy[2] = xy[0];
        xy[3] = xy[1];
        return xy;
    }

    /** The cross-entropy over every pair of points, straight from its definition (design §10). */
    private static double[] exact(UmapObjective g, float[] xy) {
        double attraction = 0;
        double repulsion = 0;
        for (int i = 0; i < g.n(); i++) {
            for (int j = i + 1; j < g.n(); j++) {
                double dx = xy[2 * i] - xy[2 * j];
                double dy = xy[2 * i + 1] - xy[2 * j + 1];
                double v = 1 / (1 + g.a() * Math.pow(Math.sqrt(dx * dx + dy * dy), 2 * g.b()));
                int e = java.util.Arrays.binarySearch(g.columns(), g.rowStart()[i], g.rowStart()[i + 1], j);
                double w = e >= 0 ? g.weights()[e] : 0;
                attraction += -w * Math.log(Math.max(v, 1e-4));
                repulsion += -(1 - w) * Math.log(Math.max(1 - v, 1e-4));
            }
        }
        return new double[] {attraction, repulsion};
    }

    @Test
    void aSmallGraphIsSummedWholeAndExactly() {
        UmapObjective g = graph(140, 10, 1, B);   // 9,730 pairs: below twice the sample size
        float[] xy = layout(140, 2);
        CrossEntropyEstimate.Loss loss = CrossEntropyEstimate.of(g, 3).at(xy, ONE_THREAD);
        double[] exact = exact(g, xy);
        assertThat(loss.attraction()).isCloseTo(exact[0], within(1e-9 * exact[0]));
        assertThat(loss.repulsion()).isCloseTo(exact[1], within(1e-9 * exact[1]));
        assertThat(CrossEntropyEstimate.of(g, 3).pairSamples()).isEqualTo(9_730 - g.edges());
    }

    @Test
    void sampledEstimatesAreUnbiased() {
        // 600 points: 179,700 pairs and 3,000-odd edges; a tighter curve (b = 0.6) makes the pairs' terms vary more
        UmapObjective g = graph(600, 10, 4, 0.6);
        float[] xy = layout(600, 5);
        double[] exact = exact(g, xy);
        int seeds = 40;
        double meanRepulsion = 0;
        for (int seed = 0; seed < seeds; seed++) {
            CrossEntropyEstimate estimate = CrossEntropyEstimate.of(g, seed);
            assertThat(estimate.pairSamples()).isEqualTo(CrossEntropyEstimate.SAMPLES);
            CrossEntropyEstimate.Loss loss = estimate.at(xy, ONE_THREAD);
            // fewer edges than samples: the attraction is summed whole
            assertThat(loss.attraction()).isCloseTo(exact[0], within(1e-9 * exact[0]));
            assertThat(loss.repulsion()).as("seed %d", seed).isCloseTo(exact[1], within(0.1 * exact[1]));
            meanRepulsion += loss.repulsion() / seeds;
        }
        assertThat(meanRepulsion).isCloseTo(exact[1], within(0.01 * exact[1]));
    }

    @Test
    void sampledEdgesScaleToAllEdges() {
        UmapObjective g = graph(2000, 16, 6, B);   // about 16,000 edges: sampled
        float[] xy = layout(2000, 7);
        double[] exact = exact(g, xy);
        double mean = 0;
        for (int seed = 0; seed < 20; seed++) {
            CrossEntropyEstimate estimate = CrossEntropyEstimate.of(g, seed);
            assertThat(estimate.edgeSamples()).isEqualTo(CrossEntropyEstimate.SAMPLES);
            mean += estimate.at(xy, ONE_THREAD).attraction() / 20;
        }
        assertThat(mean).isCloseTo(exact[0], within(0.01 * exact[0]));
    }

    @Test
    void anyThreadCountGivesTheSameEstimateBitForBit() {
        UmapObjective g = graph(2000, 16, 6, B);
        float[] xy = layout(2000, 7);
        CrossEntropyEstimate estimate = CrossEntropyEstimate.of(g, 9);
        CrossEntropyEstimate.Loss one = estimate.at(xy, ONE_THREAD);
        try (Workers three = new Workers(3)) {
            assertThat(estimate.at(xy, three)).isEqualTo(one);
        }
    }

    @Test
    void describesItsSampleForTheFooter() {
        UmapObjective g = graph(2000, 16, 6, B);
        CrossEntropyEstimate estimate = CrossEntropyEstimate.of(g, 9);
        assertThat(estimate.describe()).containsOnlyKeys("loss", "loss.edges", "loss.edge_samples", "loss.non_edges",
                        "loss.pair_samples")
                .containsEntry("loss.edges", Long.toString(g.edges()))
                .containsEntry("loss.edge_samples", "5000")
                .containsEntry("loss.pair_samples", "5000");
        assertThat(estimate.describe().get("loss")).contains("unbiased estimate", "5000 of the " + g.edges() + " edges",
                "clipped below at 0.0001");
        // a graph small enough to be summed whole says so
        assertThat(CrossEntropyEstimate.of(graph(140, 10, 1, B), 3).describe().get("loss")).contains("all of the");
    }
}
