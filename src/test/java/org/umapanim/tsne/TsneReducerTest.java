package org.umapanim.tsne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.common.SettingProblem;
import org.umapanim.knn.MnistSample;
import org.umapanim.knn.Workers;
import org.umapanim.reduce.Fit;
import org.umapanim.reduce.Hooks;
import org.umapanim.reduce.Objective;
import org.umapanim.reduce.ObjectiveEstimate;

class TsneReducerTest {
    private static final TsneParams SHORT = new TsneParams(30, 60, 12, 30, 1, TsneSchedule.AUTO, TsneInit.PCA, 0,
            TsneParams.DEFAULTS.metric(), 42, 2);

    @Test
    void aPerplexityTooLargeForTheRowsNamesTheLargestThatWorks() {
        TsneReducer tsne = new TsneReducer(TsneParams.DEFAULTS);
        tsne.check(91, 3);
        assertThatThrownBy(() -> tsne.check(90, 3)).isInstanceOfSatisfying(SettingProblem.class, p -> {
            assertThat(p.setting()).isEqualTo("perplexity");
            assertThat(p.problem()).isEqualTo("30 needs 90 neighbours besides each row (3·perplexity), more than 90 rows"
                    + " allow; the largest that works is 29");
        });
        assertThat(TsneParams.largestPerplexity(90)).isEqualTo(29);
        assertThatThrownBy(() -> tsne.check(3, 3)).isInstanceOf(SettingProblem.class).hasMessageContaining("too few");
    }

    @Test
    void itsNamesStepsAndFooterSettings() {
        TsneReducer tsne = new TsneReducer(TsneParams.DEFAULTS);
        assertThat(tsne.name()).isEqualTo("tsne");
        assertThat(tsne.stepWord()).isEqualTo("iteration");
        assertThat(tsne.steps()).isEqualTo(750);
        assertThat(tsne.settings()).containsEntry("tsne.perplexity", "30").containsEntry("tsne.iterations", "750")
                .containsEntry("tsne.early_exaggeration", "12").containsEntry("tsne.early_exaggeration_iterations", "250")
                .containsEntry("tsne.exaggeration", "1").containsEntry("tsne.learning_rate", "auto")
                .containsEntry("tsne.init", "pca").containsEntry("tsne.metric", "euclidean")
                .containsEntry("tsne.momentum", "0.8").containsEntry("tsne.max_step_norm", "5");
        assertThat(tsne.settings().keySet()).allMatch(k -> k.startsWith("tsne."));
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new TsneParams(0, 750, 12, 250, 1, 0, TsneInit.PCA, 0, TsneParams.DEFAULTS.metric(), 1, 1))
                .isInstanceOfSatisfying(SettingProblem.class, p -> assertThat(p.setting()).isEqualTo("perplexity"));
        assertThatThrownBy(() -> new TsneParams(30, 100, 12, 250, 1, 0, TsneInit.PCA, 0, TsneParams.DEFAULTS.metric(), 1, 1))
                .isInstanceOfSatisfying(SettingProblem.class,
                        p -> assertThat(p.setting()).isEqualTo("early_exaggeration_iterations"));
    }

    @Test
    void fitHandsOutEveryIterationAndTheLossFromTheOptimisersPassTheSameOnAnyThreads() {
        MnistSample s = MnistSample.load(600);
        List<Double> losses = new ArrayList<>();
        AtomicReference<ObjectiveEstimate> estimate = new AtomicReference<>();
        List<float[]> layouts = new ArrayList<>();
        Hooks hooks = new Hooks(found -> {
            assertThat(found.graph().k()).isEqualTo(91);
            return "";
        }, (Objective o) -> estimate.set(o.estimate(1)));
        Fit fit;
        try (Workers w = new Workers(1)) {
            fit = new TsneReducer(SHORT).fit(s.values(), s.n(), s.d(), (t, xy) -> {
                assertThat(t).isEqualTo(layouts.size());
                layouts.add(xy.clone());
                ObjectiveEstimate.Loss loss = estimate.get().at(xy, w);
                losses.add(loss.attraction() + loss.repulsion());
            }, hooks, Progress.NONE);
        }
        assertThat(layouts).hasSize(61);
        assertThat(fit.layout()).containsExactly(layouts.get(60));
        assertThat(fit.phases()).extracting(Fit.Phase::name).containsExactly("kNN", "affinities", "init", "gradient descent");
        assertThat(fit.description()).startsWith("t-SNE: kNN exact, 90 neighbours (euclidean)");
        assertThat(losses).allSatisfy(kl -> assertThat(kl).isFinite().isPositive());
        assertThat(losses.get(60)).isLessThan(losses.get(30));
        // a layout the optimiser did not just hand out: attraction exact, Z from sampled pairs
        float[] moved = layouts.get(60).clone();
        moved[0] += 1e-3f;
        try (Workers w = new Workers(1)) {
            ObjectiveEstimate.Loss sampled = estimate.get().at(moved, w);
            assertThat(sampled.attraction() + sampled.repulsion()).isCloseTo(losses.get(60),
                    org.assertj.core.data.Percentage.withPercentage(5));
        }
        Fit onThree = new TsneReducer(SHORT.withSeedAndThreads(42, 3)).fit(s.values(), s.n(), s.d(), (t, xy) -> {}, Hooks.NONE,
                Progress.NONE);
        assertThat(onThree.layout()).containsExactly(fit.layout());
    }

    @Test
    void identicalRowsAreFine() {
        // 40 distinct rows, each 10 times
        int n = 400;
        int d = 5;
        float[] values = new float[n * d];
        SplittableRandom r = new SplittableRandom(3);
        float[] distinct = new float[40 * d];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(distinct, (i % 40) * d, values, i * d, d);
        }
        Fit fit = new TsneReducer(SHORT).fit(values, n, d, (t, xy) -> {}, Hooks.NONE, Progress.NONE);
        for (float v : fit.layout()) {
            assertThat(v).isFinite();
        }
    }
}
