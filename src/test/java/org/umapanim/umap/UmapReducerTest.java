package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.knn.Blobs;
import org.umapanim.reduce.DataProblem;
import org.umapanim.reduce.Fit;
import org.umapanim.reduce.Hooks;
import org.umapanim.reduce.Objective;
import org.umapanim.reduce.Reducer;

/** UMAP behind the reducer seam: the same layout as {@link Umap}, the hooks served, the figures described. */
class UmapReducerTest {
    private static final UmapParams FAST = TestParams.threads(TestParams.epochs(UmapParams.DEFAULTS, 20), 2);

    @Test
    void fewerRowsThanNeighboursAreADataProblemWordedToFollowTheFilesName() {
        Reducer umap = new UmapReducer(UmapParams.DEFAULTS);
        umap.check(15, 2);
        assertThatThrownBy(() -> umap.check(3, 2)).isInstanceOf(DataProblem.class)
                .hasMessage("has only 3 rows, fewer than the neighbour count 15 (use more rows or fewer neighbours)");
        assertThatThrownBy(() -> new UmapReducer(TestParams.pca(UmapParams.DEFAULTS, 4)).check(100, 4))
                .isNotInstanceOf(DataProblem.class).hasMessage("pca must be fewer than the data's 4 columns, got 4");
    }

    @Test
    void itsFitIsUmapsWithTheHooksServedOnceBeforeEpochZero() {
        Blobs b = Blobs.make(20, 3, 10, 3.0, 4);   // 60 rows
        float[] plain = new Umap(FAST).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE).layout();
        List<String> events = new ArrayList<>();
        List<Objective> objectives = new ArrayList<>();
        Hooks hooks = new Hooks(found -> {
            events.add("neighbours " + found.graph().n() + " × " + found.graph().k());
            return "recall 1.000 on 100 sampled rows";
        }, objective -> {
            events.add("objective");
            objectives.add(objective);
        });
        Fit fit = new UmapReducer(FAST).fit(b.values(), b.n(), b.d(), (epoch, xy) -> events.add("epoch " + epoch),
                hooks, Progress.NONE);

        assertThat(fit.layout()).isEqualTo(plain);
        assertThat(events.subList(0, 3)).containsExactly("neighbours 60 × 15", "objective", "epoch 0");
        assertThat(events).hasSize(3 + 20);
        assertThat(objectives.get(0).points()).isEqualTo(60);
        assertThat(fit.phases()).extracting(Fit.Phase::name).containsExactly("kNN", "graph", "init", "SGD");
        assertThat(fit.description()).matches("UMAP: kNN exact, 15 neighbours \\(euclidean\\), recall 1\\.000 on 100 "
                + "sampled rows; graph [0-9,]+ edges, [0-9]+ components?; init spectral; a 1\\.577, b 0\\.895");
    }

    @Test
    void withoutHooksTheDescriptionLeavesTheMeasureOut() {
        Blobs b = Blobs.make(15, 3, 8, 3.0, 5);
        Fit fit = new UmapReducer(TestParams.pca(FAST, 2)).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Hooks.NONE,
                Progress.NONE);
        assertThat(fit.phases()).extracting(Fit.Phase::name).startsWith("PCA", "kNN");
        assertThat(fit.description()).startsWith("UMAP: PCA to 2 columns; kNN exact, 15 neighbours (euclidean); graph ");
    }
}
