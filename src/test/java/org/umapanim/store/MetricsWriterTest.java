package org.umapanim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.quality.QualityMethod;
import org.umapanim.quality.QualityRun;

/** Writes metrics files from made-up measures and reads them back with DuckDB, an independent reader. */
class MetricsWriterTest {
    private static Duck duck;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDuck() throws Exception {
        duck = new Duck();
    }

    @AfterAll
    static void stopDuck() throws Exception {
        duck.close();
    }

    private static QualityRun run(boolean labelled, boolean loss, int epochs) {
        List<EpochMeasures> rows = new java.util.ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            rows.add(new EpochMeasures(e, 0.8 + e * 0.001, 0.1 + e * 0.002, labelled ? 0.5 + e * 0.004 : Double.NaN,
                    e == 0 ? Double.NaN : 0.1 / e, e == 0 ? Double.NaN : 0.3 / e,
                    loss ? 1000.0 - e : Double.NaN, loss ? 5e6 + e : Double.NaN));
        }
        // the reducer's words for its loss (umap.CrossEntropyEstimate's, say) pass through as they are
        Map<String, String> described = new java.util.LinkedHashMap<>();
        if (loss) {
            described.put("loss", "unbiased estimate of the loss: 10000 of the 30000 edges");
            described.put("loss.edges", "30000");
            described.put("loss.edge_samples", "10000");
            described.put("loss.non_edges", "1969000");
            described.put("loss.pair_samples", "10000");
        }
        return new QualityRun(rows, new QualityMethod(2000, 1000, "every rank exact", 2000, 2000, 15, 10, labelled, 42,
                described));
    }

    @Test
    void oneRowPerEpochWithTheDesignedTypesNullsAndFooter() throws Exception {
        Path file = dir.resolve("metrics.parquet");
        MetricsWriter.write(file, run(true, true, 51), Map.of("umap-anim.version", "0.1.0", "dataset.name", "digits"));

        assertThat(duck.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                + Duck.quote(file) + "))")).extracting(r -> r[0] + " " + r[1]).containsExactly(
                "epoch USMALLINT", "trustworthiness DOUBLE", "neighbour_preservation DOUBLE", "label_accuracy DOUBLE",
                "motion_median DOUBLE", "motion_p95 DOUBLE", "loss DOUBLE", "loss_attraction DOUBLE",
                "loss_repulsion DOUBLE");
        String from = " FROM read_parquet(" + Duck.quote(file) + ")";
        assertThat(duck.one("SELECT count(*)" + from)).isEqualTo(51L);
        assertThat(duck.one("SELECT string_agg(epoch::VARCHAR, ',' ORDER BY epoch)" + from))
                .isEqualTo(String.join(",", java.util.stream.IntStream.range(0, 51).mapToObj(Integer::toString).toList()));
        assertThat(duck.rows("SELECT motion_median IS NULL, motion_p95 IS NULL" + from + " WHERE epoch = 0").get(0))
                .containsExactly(true, true);
        assertThat((Double) duck.one("SELECT motion_median" + from + " WHERE epoch = 4")).isCloseTo(0.025, within(1e-15));
        assertThat((Double) duck.one("SELECT trustworthiness" + from + " WHERE epoch = 50")).isCloseTo(0.85, within(1e-12));
        assertThat((Double) duck.one("SELECT label_accuracy" + from + " WHERE epoch = 50")).isCloseTo(0.7, within(1e-12));
        assertThat((Double) duck.one("SELECT max(abs(loss - loss_attraction - loss_repulsion))" + from)).isZero();
        assertThat((Double) duck.one("SELECT loss" + from + " WHERE epoch = 10")).isEqualTo(990.0 + 5e6 + 10);

        Map<String, String> footer = duck.kvMetadata(file);
        assertThat(footer).containsEntry("umap-anim.version", "0.1.0").containsEntry("dataset.name", "digits")
                .containsEntry("umap-anim.n_points", "2000").containsEntry("umap-anim.n_epochs", "50")
                .containsEntry("umap-anim.metrics.sample_size", "1000")
                .containsEntry("umap-anim.metrics.planar_sample_size", "2000")
                .containsEntry("umap-anim.metrics.k", "15")
                .containsEntry("umap-anim.metrics.loss.edge_samples", "10000")
                .containsEntry("umap-anim.metrics.loss.non_edges", "1969000");
        assertThat(footer.get("umap-anim.metrics.trustworthiness")).contains("k = 15", "1000 seeded sample points");
        assertThat(footer.get("umap-anim.metrics.loss")).contains("unbiased estimate", "10000 of the 30000 edges");
        assertThat(footer.keySet()).contains("umap-anim.metrics.neighbour_preservation", "umap-anim.metrics.label_accuracy",
                "umap-anim.metrics.motion");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("metrics.parquet");
        }
    }

    @Test
    void unmeasuredColumnsAreAllNullAndReadBackAsNaN() throws Exception {
        Path file = dir.resolve("metrics.parquet");
        QualityRun written = run(false, false, 6);
        MetricsWriter.write(file, written, Map.of());
        String from = " FROM read_parquet(" + Duck.quote(file) + ")";
        assertThat(duck.one("SELECT count(label_accuracy) + count(loss) + count(loss_attraction) + count(loss_repulsion)" + from))
                .isEqualTo(0L);
        assertThat(duck.kvMetadata(file)).containsEntry("umap-anim.metrics.label_accuracy", "not measured: the data has no labels");

        MetricsReader.Metrics read = MetricsReader.read(file);
        assertThat(read.lastEpoch()).isEqualTo(5);
        assertThat(read.epochs()).as("records compare doubles with Double.compare: NaN equals NaN").isEqualTo(written.epochs());
        assertThat(read.metadata()).containsEntry("umap-anim.metrics.sample_size", "1000");
    }

    @Test
    void theReaderRefusesOtherFilesAndRowsOutOfOrder() throws Exception {
        Path epochs = dir.resolve("epochs.parquet");
        SyntheticLayouts layouts = new SyntheticLayouts(20, 3, 1);
        EpochsWriter writer = new EpochsWriter(epochs, "digit", layouts.labels, 3, false, Map.of());
        layouts.run(writer);
        writer.finish();
        assertThatThrownBy(() -> MetricsReader.read(epochs)).isInstanceOf(FileProblem.class)
                .hasMessageContaining("missing column 'trustworthiness': not a metrics file");

        Path shuffled = dir.resolve("shuffled.parquet");
        Path good = dir.resolve("metrics.parquet");
        MetricsWriter.write(good, run(true, true, 5), Map.of());
        duck.execute("COPY (SELECT * FROM read_parquet(" + Duck.quote(good) + ") ORDER BY epoch DESC) TO "
                + Duck.quote(shuffled) + " (FORMAT parquet)");
        assertThatThrownBy(() -> MetricsReader.read(shuffled)).isInstanceOf(FileProblem.class)
                .hasMessageContaining("not epochs 0, 1, 2, … in order: epoch 4 where 0 belongs");
    }

    @Test
    void theCallerCannotOverwriteTheFilesOwnKeys() {
        assertThatThrownBy(() -> MetricsWriter.write(dir.resolve("m.parquet"), run(true, true, 3),
                Map.of("umap-anim.metrics.k", "7"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("umap-anim.metrics.k");
    }
}
