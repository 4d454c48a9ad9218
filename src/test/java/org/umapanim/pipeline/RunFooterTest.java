package org.umapanim.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umapanim.common.FileProblem;
import org.umapanim.dataset.Dataset;
import org.umapanim.reduce.Reducer;
import org.umapanim.store.RecordedReducer;

/** What a prepared run records in its footers and what of it the stage stamp compares. */
class RunFooterTest {
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    static InputData input(int rows) {
        String[] labels = new String[rows];
        float[] values = new float[rows * 2];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 2 == 0 ? "a" : "b";
            values[2 * i] = i;
            values[2 * i + 1] = i * i;
        }
        Dataset data = new Dataset("points", "ab".repeat(32), List.of("x", "y"), values, "class", labels,
                Optional.empty());
        return new InputData(data, "all rows", "points", "Each point is a row of points.csv", Path.of("points.csv"));
    }

    private static PrepareSettings settings(int threads, long seed) {
        return new PrepareSettings(InputSelection.DEFAULTS, UmapSettings.DEFAULTS, false, new Compute(threads, seed));
    }

    private static Map<String, String> footer(PrepareSettings s, String run) {
        Reducer reducer = s.reducer().reducer(s.compute());
        return RunFooter.of(input(40), reducer, s, run, CREATED);
    }

    @Test
    void theFooterSaysWhatWasEmbeddedByWhichReducerAndHow() {
        Map<String, String> m = footer(settings(2, 42), "run-1");
        assertThat(m).containsEntry("dataset.name", "points").containsEntry("dataset.rows", "40")
                .containsEntry("dataset.selection", "all rows")
                .containsEntry("title", "points embedded into two dimensions by UMAP")
                .containsEntry("subtitle", "Each point is a row of points.csv")
                .containsEntry(RecordedReducer.KEY_REDUCER, "umap").containsEntry(RecordedReducer.KEY_STEP, "epoch")
                .containsEntry("umap.n_neighbors", "15").containsEntry("umap.n_epochs", "200")
                .containsEntry("umap.init", "spectral").containsEntry("umap.pca", "none")
                .containsEntry("seed", "42").containsEntry("threads", "2").containsEntry("normalisation", "aspect")
                .containsEntry("created", "2026-01-02T03:04:05Z").containsEntry(RunIdentity.KEY, "run-1");
        assertThat(RecordedReducer.of(m)).isEqualTo(new RecordedReducer("umap", "epoch"));
        // only the reducer's own settings carry its name
        assertThat(m.keySet()).filteredOn(k -> k.contains("umap") && !k.startsWith("umap-anim."))
                .allMatch(k -> k.startsWith("umap."));
    }

    @Test
    void theFingerprintIgnoresTheTimeTheRunAndTheThreadsButNotTheSeed() {
        Map<String, String> one = RunFooter.fingerprintInputs(footer(settings(1, 42), "run-1"));
        Map<String, String> two = RunFooter.fingerprintInputs(footer(settings(2, 42), "run-2"));
        assertThat(one).isEqualTo(two).doesNotContainKeys("created", "threads", RunIdentity.KEY);
        assertThat(RunFooter.fingerprintInputs(footer(settings(1, 7), "run-1"))).isNotEqualTo(one);
    }

    @Test
    void rowsTheReducerCannotEmbedAreAProblemOfTheFileTheyCameFrom() {
        Reducer umap = UmapSettings.DEFAULTS.reducer(Compute.DEFAULT);
        input(15).checkFor(umap);
        assertThatThrownBy(() -> input(3).checkFor(umap)).isInstanceOfSatisfying(FileProblem.class, e -> {
            assertThat(e.file()).isEqualTo(Path.of("points.csv"));
            assertThat(e.problem()).isEqualTo("has only 3 rows, fewer than the neighbour count 15 (use more rows or"
                    + " fewer neighbours)");
        });
    }
}
