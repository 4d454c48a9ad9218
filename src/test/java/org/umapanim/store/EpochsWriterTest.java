package org.umapanim.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Writes epochs files from synthetic runs and checks them with DuckDB, an independent reader. */
class EpochsWriterTest {
    private static final int N = 1500;
    private static final int EPOCHS = 40;
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

    private static Map<String, String> callerMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("umap-anim.version", "0.1.0");
        m.put("dataset.name", "synthetic");
        m.put("dataset.sha256", "ab".repeat(32));
        m.put("umap.n_neighbors", "15");
        m.put("umap.seed", "42");
        m.put("note", "ünïcødé ✓");
        return m;
    }

    @Test
    void schemaHasTheDesignedPhysicalAndLogicalTypes() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(N, EPOCHS, 1);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, EPOCHS, false, callerMetadata());
        run.run(writer);
        writer.finish();

        Map<String, String[]> schema = duck.schema(file);
        assertThat(schema.keySet()).containsExactly("index", "x", "y", "digit", "epoch");
        assertThat(FooterColumnOrders.of(file)).containsOnly("TYPE_ORDER").hasSize(5);
        assertThat(schema.get("index")[0]).isEqualTo("INT32");
        assertThat(schema.get("index")[1]).isEqualTo("UINT_32");
        assertThat(schema.get("index")[2]).startsWith("IntType(").contains("isSigned=0");
        assertThat(schema.get("x")[0]).isEqualTo("FLOAT");
        assertThat(schema.get("x")[1]).isNull();
        assertThat(schema.get("y")[0]).isEqualTo("FLOAT");
        assertThat(schema.get("digit")[0]).isEqualTo("BYTE_ARRAY");
        assertThat(schema.get("digit")[1]).isEqualTo("UTF8");
        assertThat(schema.get("epoch")[0]).isEqualTo("INT32");
        assertThat(schema.get("epoch")[1]).isEqualTo("UINT_16");
        assertThat(schema.get("epoch")[2]).startsWith("IntType(").contains("isSigned=0");
        assertThat(schema.get("digit")[2]).startsWith("StringType(");
        // and the SQL types DuckDB derives from the logical types
        assertThat(duck.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                + Duck.quote(file) + "))")).extracting(r -> r[0] + " " + r[1])
                .containsExactly("index UINTEGER", "x FLOAT", "y FLOAT", "digit VARCHAR", "epoch USMALLINT");

        // per column chunk: ZSTD everywhere, a dictionary for the labels only, and delta-packed
        // integers, which only writer version 2 produces
        List<Object[]> chunks = duck.rows("SELECT path_in_schema, compression, encodings FROM parquet_metadata("
                + Duck.quote(file) + ")");
        assertThat(chunks).isNotEmpty();
        for (Object[] c : chunks) {
            assertThat(c[1]).as("compression of %s", c[0]).isEqualTo("ZSTD");
            String encodings = String.valueOf(c[2]);
            switch ((String) c[0]) {
                case "digit" -> assertThat(encodings).contains("RLE_DICTIONARY");
                case "index", "epoch" -> assertThat(encodings).contains("DELTA_BINARY_PACKED").doesNotContain("DICTIONARY");
                default -> assertThat(encodings).doesNotContain("DICTIONARY");
            }
        }
    }

    @Test
    void rowsAreEveryPointOfEveryEpochInOrderWithLabels() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(N, EPOCHS, 2);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, EPOCHS, false, callerMetadata());
        run.run(writer);
        EpochsSummary summary = writer.finish();

        String src = "read_parquet(" + Duck.quote(file) + ", file_row_number = true)";
        assertThat(duck.one("SELECT count(*) FROM " + src)).isEqualTo((long) N * (EPOCHS + 1));
        assertThat(summary.rows()).isEqualTo((long) N * (EPOCHS + 1));
        assertThat(summary.bytes()).isEqualTo(Files.size(file));
        // row r is epoch r / N, index r % N: sorted by epoch, then index, nothing missing
        assertThat(duck.one("SELECT count(*) FROM " + src
                + " WHERE epoch::BIGINT * " + N + " + index != file_row_number")).isEqualTo(0L);
        assertThat(duck.one("SELECT min(epoch)::INT || '..' || max(epoch)::INT FROM " + src)).isEqualTo("0.." + EPOCHS);
        // the labels of every epoch are the points' labels
        List<Object[]> labels = duck.rows("SELECT index, digit FROM " + src + " WHERE epoch = 7 ORDER BY index");
        for (int i = 0; i < N; i++) {
            assertThat(labels.get(i)[1]).isEqualTo(run.labels[i]);
        }
        assertThat(duck.one("SELECT count(DISTINCT digit) FROM " + src)).isEqualTo(10L);
    }

    @Test
    void coordinatesSpanTheUnitSquareKeepingTheAspectRatio() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(N, EPOCHS, 3);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, EPOCHS, false, callerMetadata());
        float[][] history = run.runRecorded(writer);
        EpochsSummary summary = writer.finish();

        double[] raw = rawBox(history);
        double w = raw[1] - raw[0], h = raw[3] - raw[2];
        Object[] box = duck.rows("SELECT min(x), max(x), min(y), max(y) FROM read_parquet(" + Duck.quote(file) + ")").get(0);
        float minX = (Float) box[0], maxX = (Float) box[1], minY = (Float) box[2], maxY = (Float) box[3];
        boolean wide = w >= h;
        // the long axis spans [0,1] exactly; the short one is centred with the same scale
        assertThat(wide ? minX : minY).isEqualTo(0f);
        assertThat(wide ? maxX : maxY).isEqualTo(1f);
        double shortSpan = Math.min(w, h) / Math.max(w, h);
        assertThat((double) (wide ? maxY - minY : maxX - minX)).isCloseTo(shortSpan, within(1e-5));
        assertThat((double) (wide ? minY + maxY : minX + maxX)).isCloseTo(1.0, within(1e-5));
        assertThat(summary.normalisation().scaleX()).isEqualTo(summary.normalisation().scaleY());
        assertThat(summary.normalisation().scaleX()).isCloseTo(1 / Math.max(w, h), within(1e-9));
    }

    @Test
    void stretchGivesEachAxisItsOwnMinMax() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(N, EPOCHS, 4);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, EPOCHS, true, callerMetadata());
        float[][] history = run.runRecorded(writer);
        EpochsSummary summary = writer.finish();

        Object[] box = duck.rows("SELECT min(x), max(x), min(y), max(y) FROM read_parquet(" + Duck.quote(file) + ")").get(0);
        assertThat(box).containsExactly(0f, 1f, 0f, 1f);
        double[] raw = rawBox(history);
        assertThat(summary.normalisation().scaleX()).isCloseTo(1 / (raw[1] - raw[0]), within(1e-9));
        assertThat(summary.normalisation().scaleY()).isCloseTo(1 / (raw[3] - raw[2]), within(1e-9));
        assertThat(duck.kvMetadata(file).get(EpochsSchema.KEY_NORMALISATION)).startsWith("stretch");
    }

    @Test
    void epochZeroIsTheInitialLayoutAndMetadataRecoversRawCoordinates() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(N, EPOCHS, 5);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, EPOCHS, false, callerMetadata());
        float[][] history = run.runRecorded(writer);
        writer.finish();

        Map<String, String> kv = duck.kvMetadata(file);
        assertThat(kv).containsAllEntriesOf(callerMetadata());
        assertThat(kv).containsEntry(EpochsSchema.KEY_POINTS, Integer.toString(N))
                .containsEntry(EpochsSchema.KEY_EPOCHS, Integer.toString(EPOCHS))
                .containsEntry(EpochsSchema.KEY_LABEL_COLUMN, "digit")
                .containsEntry(EpochsSchema.KEY_FORMULA, Normalisation.FORMULA);
        double offX = Double.parseDouble(kv.get(EpochsSchema.KEY_OFFSET_X));
        double offY = Double.parseDouble(kv.get(EpochsSchema.KEY_OFFSET_Y));
        double scaleX = Double.parseDouble(kv.get(EpochsSchema.KEY_SCALE_X));
        double scaleY = Double.parseDouble(kv.get(EpochsSchema.KEY_SCALE_Y));

        for (int epoch : new int[] {0, 1, EPOCHS}) {
            List<Object[]> rows = duck.rows("SELECT index, x, y FROM read_parquet(" + Duck.quote(file)
                    + ") WHERE epoch = " + epoch + " ORDER BY index");
            assertThat(rows).hasSize(N);
            for (int i = 0; i < N; i++) {
                float x = (Float) rows.get(i)[1], y = (Float) rows.get(i)[2];
                // the documented formula, both ways
                assertThat(x).isEqualTo((float) ((history[epoch][2 * i] - offX) * scaleX));
                assertThat(y).isEqualTo((float) ((history[epoch][2 * i + 1] - offY) * scaleY));
                assertThat(x / scaleX + offX).isCloseTo(history[epoch][2 * i], within(1e-5 / scaleX));
                assertThat(y / scaleY + offY).isCloseTo(history[epoch][2 * i + 1], within(1e-5 / scaleY));
            }
        }
    }

    @Test
    void unlabelledDataHasNoLabelColumn() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(200, 5, 6);
        EpochsWriter writer = new EpochsWriter(file, null, run.labels, 5, false, Map.of());
        run.run(writer);
        writer.finish();

        assertThat(duck.schema(file).keySet()).containsExactly("index", "x", "y", "epoch");
        assertThat(duck.one("SELECT count(*) FROM read_parquet(" + Duck.quote(file) + ")")).isEqualTo(200L * 6);
        {
            EpochsReader reader = EpochsReader.open(file);
            assertThat(reader.labelColumn()).isNull();
            assertThat(reader.labels()).hasSize(200).containsOnly("");
        }
    }

    @Test
    void aLayoutThatNeverMovesIsPutInTheMiddle() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        String[] labels = {"a", "b", "c"};
        EpochsWriter writer = new EpochsWriter(file, "digit", labels, 1, false, Map.of());
        float[] layout = {2, 5, 2, 5, 2, 5};
        writer.onEpoch(0, layout);
        writer.onEpoch(1, layout);
        writer.finish();
        assertThat(duck.rows("SELECT DISTINCT x, y FROM read_parquet(" + Duck.quote(file) + ")"))
                .containsExactly(new Object[] {0.5f, 0.5f});
    }

    @Test
    void misuseIsRefusedWithAClearMessage() {
        Path file = dir.resolve("epochs.parquet");
        String[] labels = {"a", "b"};
        EpochsWriter writer = new EpochsWriter(file, "digit", labels, 3, false, Map.of());
        assertThatThrownBy(() -> writer.onEpoch(1, new float[4])).hasMessageContaining("expected epoch 0");
        assertThatThrownBy(() -> writer.onEpoch(0, new float[6])).hasMessageContaining("expected 2 × 2");
        assertThatThrownBy(() -> writer.onEpoch(0, new float[] {0, Float.NaN, 1, 1}))
                .hasMessageContaining("point 0 has a non-finite coordinate");
        writer.onEpoch(0, new float[4]);
        assertThatThrownBy(writer::finish).hasMessageContaining("received epochs 0 … 0 of 0 … 3");
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> new EpochsWriter(file, "epoch", labels, 3, false, Map.of()))
                .hasMessageContaining("label column name 'epoch'");
        assertThatThrownBy(() -> new EpochsWriter(file, "digit", labels, 3, false, Map.of(EpochsSchema.KEY_SCALE_X, "1")))
                .hasMessageContaining("written by EpochsWriter itself");
        assertThatThrownBy(() -> new EpochsWriter(file, "digit", labels, 70_000, false, Map.of()))
                .hasMessageContaining("UINT_16");
    }

    @Test
    void theLayoutArrayIsCopiedNotKept() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        EpochsWriter writer = new EpochsWriter(file, "digit", new String[] {"a", "b"}, 1, true, Map.of());
        float[] live = {0, 0, 1, 1};
        writer.onEpoch(0, live);
        live[2] = 0.5f;   // the engine reuses its array
        live[3] = 0.5f;
        writer.onEpoch(1, live);
        writer.finish();
        List<Object[]> rows = duck.rows("SELECT x, y FROM read_parquet(" + Duck.quote(file) + ") WHERE index = 1 ORDER BY epoch");
        assertThat(rows.get(0)).containsExactly(1f, 1f);
        assertThat(rows.get(1)).containsExactly(0.5f, 0.5f);
    }

    @Test
    void theHistoryWaitsOnDiskNotInTheHeap() throws Exception {
        // 40,000 points × 201 epochs are 64 MB of float32: more than the child's whole heap
        Path file = dir.resolve("big/epochs.parquet");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                WriteBigHistory.class.getName(), file.toString(), "40000", "200")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(duck.one("SELECT count(*) FROM read_parquet(" + Duck.quote(file) + ")")).isEqualTo(40_000L * 201);
        assertThat(duck.one("SELECT max(epoch) FROM read_parquet(" + Duck.quote(file) + ")")).isEqualTo(200);
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactly("epochs.parquet");
        }
    }

    @Test
    void anAbandonedWriterLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(200, 5, 3);
        try (EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, 5, false, Map.of())) {
            writer.onEpoch(0, run.layout());
        }
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    /** minX, maxX, minY, maxY over all epochs. */
    private static double[] rawBox(float[][] history) {
        double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (float[] xy : history) {
            for (int k = 0; k < xy.length; k += 2) {
                box[0] = Math.min(box[0], xy[k]);
                box[1] = Math.max(box[1], xy[k]);
                box[2] = Math.min(box[2], xy[k + 1]);
                box[3] = Math.max(box[3], xy[k + 1]);
            }
        }
        return box;
    }
}
