package org.umapanim.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.umapanim.common.SettingProblem;
import org.umapanim.reduce.Reducer;
import org.umapanim.store.EpochsSchema;

/** The settings records check their values when made, each problem named by the record's own name for it. */
class PrepareSettingsTest {
    private static final UmapSettings U = UmapSettings.DEFAULTS;

    private static UmapSettings epochs(int epochs) {
        return new UmapSettings(epochs, U.neighbors(), U.minDist(), U.spread(), U.learningRate(),
                U.negativeSampleRate(), U.repulsionStrength(), U.init(), U.pca(), U.metric());
    }

    private static UmapSettings neighbors(int neighbors) {
        return new UmapSettings(U.epochs(), neighbors, U.minDist(), U.spread(), U.learningRate(),
                U.negativeSampleRate(), U.repulsionStrength(), U.init(), U.pca(), U.metric());
    }

    private static String settingOf(Runnable make) {
        try {
            make.run();
        } catch (SettingProblem p) {
            return p.setting() + " " + p.problem();
        }
        throw new AssertionError("no problem found");
    }

    @Test
    void theDefaultsAreTheBundledSampleAndUmapWithUmapLearnsParameters() {
        PrepareSettings d = PrepareSettings.DEFAULTS;
        assertThat(d.input()).isEqualTo(new InputSelection(null, null, null, 0, 0, null, List.of()));
        assertThat(d.reducer()).isEqualTo(UmapSettings.DEFAULTS);
        assertThat(d.reducer().name()).isEqualTo("umap").isIn(Reducers.NAMES);
        assertThat(U.neighbors()).isEqualTo(15);
        assertThat(U.minDist()).isEqualTo(0.1);
        assertThat(U.init()).isEqualTo("spectral");
        assertThat(U.metric()).isEqualTo("euclidean");
        assertThat(d.stretch()).isFalse();
    }

    @Test
    void inputSelectionProblemsAreNamedByTheirSetting() {
        assertThat(settingOf(() -> new InputSelection(null, null, null, -1, 0, null, List.of())))
                .isEqualTo("limit must not be negative, got -1");
        assertThat(settingOf(() -> new InputSelection(null, null, null, 0, -5, null, List.of())))
                .isEqualTo("sample must not be negative, got -5");
        assertThatThrownBy(() -> new InputSelection(null, "cifar", null, 0, 0, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cifar");
    }

    @Test
    void umapsProblemsAreNamedAsItsOptionsAreNotAsUmapLearnNamesThem() {
        assertThat(settingOf(() -> neighbors(1))).isEqualTo("neighbors must be at least 2, got 1");
        assertThat(settingOf(() -> new UmapSettings(U.epochs(), U.neighbors(), 2.0, 1.0, U.learningRate(),
                U.negativeSampleRate(), U.repulsionStrength(), U.init(), U.pca(), U.metric())))
                .isEqualTo("minDist (2.0) must not exceed spread (1.0)");
        assertThat(settingOf(() -> new UmapSettings(U.epochs(), U.neighbors(), U.minDist(), U.spread(),
                U.learningRate(), U.negativeSampleRate(), U.repulsionStrength(), "pca2", U.pca(), U.metric())))
                .isEqualTo("init must be spectral, pca or random, got 'pca2'");
        assertThat(settingOf(() -> new UmapSettings(U.epochs(), U.neighbors(), U.minDist(), U.spread(),
                U.learningRate(), U.negativeSampleRate(), U.repulsionStrength(), U.init(), U.pca(), "cityblock")))
                .startsWith("metric must be one of ").endsWith(", got 'cityblock'");
    }

    @Test
    void theEpochsMustFitTheStoresSixteenBitColumn() {
        assertThat(epochs(EpochsSchema.MAX_EPOCH).epochs()).isEqualTo(65_535);
        assertThat(settingOf(() -> epochs(EpochsSchema.MAX_EPOCH + 1))).isEqualTo(
                "epochs must be at most 65535 (epochs.parquet stores the epoch as a 16-bit number), got 65536");
    }

    @Test
    void anUnknownReducerIsNamedWithTheOnesThereAre() {
        assertThat(Reducers.known("umap")).isEqualTo("umap");
        assertThat(Reducers.known("tsne")).isEqualTo("tsne");
        assertThat(settingOf(() -> Reducers.known("pca"))).isEqualTo("reducer must be umap or tsne, got 'pca'");
    }

    @Test
    void theReducerTakesItsSettingsAndTheRunsCompute() {
        Reducer umap = epochs(30).reducer(new Compute(1, 7));
        assertThat(umap.name()).isEqualTo("umap");
        assertThat(umap.displayName()).isEqualTo("UMAP");
        assertThat(umap.stepWord()).isEqualTo("epoch");
        assertThat(umap.steps()).isEqualTo(30);
        assertThat(umap.settings()).containsEntry("umap.n_epochs", "30").containsEntry("umap.n_neighbors", "15")
                .doesNotContainKeys("umap.seed", "umap.threads");
    }
}
