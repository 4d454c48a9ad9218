package org.umapanim.tsne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.knn.MnistSample;
import org.umapanim.knn.Workers;
import org.umapanim.umap.EmbeddingQuality;

class TsneOptimizerTest {

    /** A short schedule with both phases, so the test runs in seconds. */
    private static final TsneSchedule SHORT = new TsneSchedule(80, 12, 40, 1, TsneSchedule.AUTO, 0.8, 5);

    @Test
    void layoutsAndLossesAreBitIdenticalOnOneTwoAndThreeThreads() {
        Affinities p = DigitsAffinities.affinities();
        for (boolean exact : new boolean[] {false, true}) {
            Run one = run(p, 1, exact);
            for (int threads : new int[] {2, 3}) {
                Run other = run(p, threads, exact);
                assertThat(other.layouts).as("%s layouts on %d threads", exact ? "exact" : "FFT", threads)
                        .containsExactlyElementsOf(one.layouts);
                assertThat(other.losses).as("losses on %d threads", threads).containsExactlyElementsOf(one.losses);
            }
        }
    }

    @Test
    void listenersSeeEveryIterationAndTheLossFallsAfterExaggeration() {
        Affinities p = DigitsAffinities.affinities();
        Run r = run(p, 2, false);
        assertThat(r.steps).hasSize(SHORT.iterations() + 1);
        assertThat(r.steps.get(0)).isEqualTo(0);
        assertThat(r.steps.get(SHORT.iterations())).isEqualTo(SHORT.iterations());
        assertThat(r.losses).hasSize(SHORT.iterations() + 1).allSatisfy(kl -> assertThat(kl).isFinite().isPositive());
        // the last layout's loss is the one the optimiser reports for it
        try (Workers w = new Workers(1)) {
            double kl = new TsneOptimizer(p, SHORT, w, false).klDivergence(r.finalLayout);
            // the same but for the layout handed over in floats
            assertThat(kl).isCloseTo(r.losses.get(SHORT.iterations()), org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
        assertThat(r.losses.get(SHORT.iterations())).isLessThan(r.losses.get(SHORT.earlyIterations()));
    }

    /**
     * The default schedule on 2,000 digits from a random start, with the FFT repulsion (the one
     * larger data get). Measured: trustworthiness(15)
     * 0.966 and 10-NN accuracy 0.883 (5-fold, 1,600 training points; UMAP's test reaches
     * 0.903–0.910 on 3,000). The bounds leave a margin of about 0.01–0.02.
     */
    @Test
    void digitsEmbedAsWellAsTsneShould() {
        MnistSample s = DigitsAffinities.digits();
        Affinities p = DigitsAffinities.affinities();
        float[] layout;
        try (Workers w = new Workers(2)) {
            layout = new TsneOptimizer(p, TsneSchedule.DEFAULTS, w, false).run(TsneStart.random(s.n(), 1), (t, xy) -> {}, null,
                    Progress.NONE);
        }
        double trust = EmbeddingQuality.trustworthiness(s.values(), s.n(), s.d(), layout, 15);
        double accuracy = EmbeddingQuality.knnAccuracy(layout, s.labels(), 10, 5, 42);
        System.out.printf("t-SNE on %d digits: trustworthiness(15) %.4f, 10-NN accuracy %.4f%n", s.n(), trust, accuracy);
        assertThat(trust).as("trustworthiness(15)").isGreaterThanOrEqualTo(0.955);
        assertThat(accuracy).as("10-NN accuracy").isGreaterThanOrEqualTo(0.865);
    }

    @Test
    void identicalPointsStayFinite() {
        // 300 rows in three groups of identical rows: a start with points on top of each other
        int n = 300;
        float[] start = TsneStart.random(n, 5);
        for (int i = 0; i < n; i++) {
            start[2 * i] = start[2 * (i % 3)];
            start[2 * i + 1] = start[2 * (i % 3) + 1];
        }
        int k = 31;
        int[] idx = new int[n * k];
        float[] dist = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                idx[i * k + j] = (i % 3) + 3 * ((i / 3 + j) % (n / 3)); // the same group: distance 0
            }
            idx[i * k] = i;
        }
        for (boolean exact : new boolean[] {false, true}) {
            try (Workers w = new Workers(2)) {
                Affinities p = Affinities.of(new org.umapanim.knn.KnnGraph(n, k, idx, dist), 10, w);
                float[] out = new TsneOptimizer(p, SHORT, w, exact).run(start, (t, xy) -> {}, (t, a, r) -> assertThat(a + r).isFinite(),
                        Progress.NONE);
                for (float v : out) {
                    assertThat(v).isFinite();
                }
            }
        }
    }

    private record Run(List<float[]> layouts, List<Integer> steps, List<Double> losses, float[] finalLayout) {}

    private static Run run(Affinities p, int threads, boolean exact) {
        List<float[]> layouts = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        try (Workers w = new Workers(threads)) {
            float[] last = new TsneOptimizer(p, SHORT, w, exact).run(TsneStart.random(p.n(), 7), (t, xy) -> {
                steps.add(t);
                if (t % 10 == 0) {
                    layouts.add(xy.clone());
                }
            }, (t, a, r) -> losses.add(a + r), Progress.NONE);
            return new Run(layouts, steps, losses, last);
        }
    }
}
