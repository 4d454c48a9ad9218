package org.umapanim.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.tsne.TsneParams;
import org.umapanim.tsne.TsneReducer;

/** The phases of a run's steps, as its footer records them: t-SNE's early exaggeration, nothing for UMAP. */
class StepPhaseTest {
    private static final StepPhase EARLY = new StepPhase("early exaggeration", 1, 250);

    @TempDir
    Path dir;

    /** The footer prepare writes for a t-SNE run: the step word and the reducer's own settings. */
    private static Map<String, String> tsneFooter(TsneReducer tsne) {
        Map<String, String> footer = new HashMap<>(Map.of("dataset.name", "synthetic"));
        new RecordedReducer(tsne.name(), tsne.stepWord()).putInto(footer);
        footer.putAll(tsne.settings());
        return footer;
    }

    @Test
    void tsnesDefaultScheduleExaggeratesItsFirst250Iterations() {
        List<StepPhase> phases = StepPhase.of(tsneFooter(new TsneReducer(TsneParams.DEFAULTS)));
        assertThat(phases).containsExactly(EARLY);
        assertThat(EARLY.contains(0)).as("the start, before any iteration").isFalse();
        assertThat(EARLY.contains(1)).isTrue();
        assertThat(EARLY.contains(250)).isTrue();
        assertThat(EARLY.contains(251)).isFalse();
        assertThat(StepPhase.at(phases, 94)).isEqualTo(EARLY);
        assertThat(StepPhase.at(phases, 300)).isNull();
    }

    @Test
    void umapAndOlderFilesHaveNone() {
        assertThat(StepPhase.of(Map.of("dataset.name", "old"))).isEmpty();
        Map<String, String> umap = new HashMap<>();
        RecordedReducer.UMAP.putInto(umap);
        // even a stray t-SNE key does not make a UMAP run exaggerate
        umap.put(StepPhase.KEY_EARLY_EXAGGERATION_ITERATIONS, "250");
        umap.put(StepPhase.KEY_EARLY_EXAGGERATION, "12");
        assertThat(StepPhase.of(umap)).isEmpty();
    }

    @Test
    void noPhaseWithoutExaggerationAndNoneBeyondTheLastIteration() {
        Map<String, String> footer = tsneFooter(new TsneReducer(TsneParams.DEFAULTS));
        footer.put(StepPhase.KEY_ITERATIONS, "100");
        assertThat(StepPhase.of(footer)).containsExactly(new StepPhase("early exaggeration", 1, 100));
        footer.put(StepPhase.KEY_EARLY_EXAGGERATION, "1");
        assertThat(StepPhase.of(footer)).as("exaggerated as much as later: no phase").isEmpty();
        footer.put(StepPhase.KEY_EARLY_EXAGGERATION, "12");
        footer.put(StepPhase.KEY_EARLY_EXAGGERATION_ITERATIONS, "0");
        assertThat(StepPhase.of(footer)).isEmpty();
        footer.put(StepPhase.KEY_EARLY_EXAGGERATION_ITERATIONS, "many");
        assertThat(StepPhase.of(footer)).as("unreadable: no mark, and no refusal").isEmpty();
    }

    @Test
    void theReadersOfARunsFilesGiveTheFootersPhases() throws Exception {
        Map<String, String> footer = tsneFooter(new TsneReducer(TsneParams.DEFAULTS));
        footer.put(StepPhase.KEY_ITERATIONS, "30");
        footer.put(StepPhase.KEY_EARLY_EXAGGERATION_ITERATIONS, "10");
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(200, 30, 7);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, 30, false, footer);
        run.run(writer);
        writer.finish();
        EpochsReader reader = EpochsReader.open(file);
        assertThat(reader.reducer()).isEqualTo(new RecordedReducer("tsne", "iteration"));
        assertThat(reader.phases()).containsExactly(new StepPhase("early exaggeration", 1, 10));
        assertThat(new MetricsReader.Metrics(List.of(), footer).phases()).isEqualTo(reader.phases());

        Path umap = dir.resolve("umap.parquet");
        EpochsWriter plain = new EpochsWriter(umap, "digit", run.labels, 30, false, Map.of("dataset.name", "synthetic"));
        new SyntheticLayouts(200, 30, 7).run(plain);
        plain.finish();
        assertThat(EpochsReader.open(umap).phases()).isEmpty();
    }
}
