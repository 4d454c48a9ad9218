package org.umapanim.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** digits.parquet written and read back with DuckDB. */
class DigitsWriterTest {
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

    /** n random 28×28 "digits": mostly 0 like real ink, the rest 1–255. */
    private static Dataset images(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * 784];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextInt(5) == 0 ? 1 + random.nextInt(255) : 0;
        }
        values[0] = 255;
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Integer.toString(random.nextInt(10));
        }
        List<String> columns = IntStream.rangeClosed(1, 784).mapToObj(j -> "pixel" + j).toList();
        return new Dataset("mnist-sample", "00".repeat(32), columns, values, "digit", labels,
                Optional.of(new ImageShape(28, 28)));
    }

    @Test
    void imagesArePixelColumnsOfIntegersThenTheLabel() throws Exception {
        Path file = dir.resolve("data/digits.parquet");
        Dataset ds = images(300, 1);
        DigitsWriter.write(file, ds, Map.of("dataset.name", ds.name(), "dataset.sha256", ds.sha256()));

        Map<String, String[]> schema = duck.schema(file);
        List<String> expected = new ArrayList<>(ds.columns());
        expected.add("digit");
        assertThat(schema.keySet()).containsExactlyElementsOf(expected);
        assertThat(schema.get("pixel1")).containsExactly("INT32", null, null);
        assertThat(schema.get("pixel784")).containsExactly("INT32", null, null);
        assertThat(schema.get("digit")[0]).isEqualTo("BYTE_ARRAY");
        assertThat(schema.get("digit")[1]).isEqualTo("UTF8");
        assertThat(duck.one("SELECT DISTINCT compression FROM parquet_metadata(" + Duck.quote(file) + ")")).isEqualTo("ZSTD");
        // writer version 2: pixels delta-packed; the label dictionary-encoded
        assertThat(String.valueOf(duck.one("SELECT DISTINCT encodings FROM parquet_metadata(" + Duck.quote(file)
                + ") WHERE path_in_schema = 'pixel400'"))).contains("DELTA_BINARY_PACKED");
        assertThat(String.valueOf(duck.one("SELECT DISTINCT encodings FROM parquet_metadata(" + Duck.quote(file)
                + ") WHERE path_in_schema = 'digit'"))).contains("RLE_DICTIONARY");
        assertThat(duck.kvMetadata(file)).containsEntry("dataset.name", "mnist-sample")
                .containsEntry("dataset.sha256", "00".repeat(32));

        // every value, row by row in embedding order
        List<Object[]> rows = duck.rows("SELECT * FROM read_parquet(" + Duck.quote(file) + ", file_row_number = true)"
                + " ORDER BY file_row_number");
        assertThat(rows).hasSize(300);
        for (int i = 0; i < 300; i++) {
            Object[] row = rows.get(i);
            for (int j = 0; j < 784; j++) {
                assertThat(row[j]).isEqualTo((int) ds.values()[i * 784 + j]);
            }
            assertThat(row[784]).isEqualTo(ds.labels()[i]);
        }
        assertThat(duck.one("SELECT max(pixel1) FROM read_parquet(" + Duck.quote(file) + ")")).isEqualTo(255);
        try (var dirStream = Files.list(file.getParent())) {
            assertThat(dirStream).containsExactly(file);   // no temporary file left beside it
        }
    }

    @Test
    void tablesKeepTheirOwnColumnNamesAsFloats() throws Exception {
        Path file = dir.resolve("iris.parquet");
        float[] values = {5.1f, 3.5f, 1.4f, 4.9f, 3.0f, 1.3f, 6.3f, 3.3f, 6.0f};
        Dataset ds = new Dataset("iris.csv", "11".repeat(32), List.of("sepal length", "sepal_width", "petal"),
                values, "species", new String[] {"setosa", "setosa", "virginica"}, Optional.empty());
        DigitsWriter.write(file, ds, Map.of());

        assertThat(duck.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                + Duck.quote(file) + "))")).extracting(r -> r[0] + ": " + r[1])
                .containsExactly("sepal length: FLOAT", "sepal_width: FLOAT", "petal: FLOAT", "species: VARCHAR");
        List<Object[]> rows = duck.rows("SELECT * FROM read_parquet(" + Duck.quote(file) + ")");
        assertThat(rows.get(2)).containsExactly(6.3f, 3.3f, 6.0f, "virginica");
        // readers before 2026 (polars 0.54) refuse the IEEE 754 total order parquet-java declares by default
        assertThat(FooterColumnOrders.of(file)).containsOnly("TYPE_ORDER").hasSize(4);
    }

    @Test
    void labelledDataRecordsItsClassOrder() throws Exception {
        Path file = dir.resolve("cells.parquet");
        Dataset ds = new Dataset("cells.h5ad", "33".repeat(32), List.of("a"), new float[] {1, 2, 3, 4, 5}, "cell_type",
                new String[] {"NK", "B cell", "T cell", "NK", "B cell"}, Optional.empty(), null,
                List.of("T cell", "B cell", "NK"));
        DigitsWriter.write(file, ds, Map.of());
        assertThat(duck.kvMetadata(file)).containsEntry(EpochsSchema.KEY_CLASSES, "[\"T cell\",\"B cell\",\"NK\"]");
        // the label is still categorical for Arrow readers: the order sits beside ARROW:schema, not in it
        assertThat(duck.kvMetadata(file)).containsKey(DigitsWriter.ARROW_SCHEMA);
    }

    @Test
    void unlabelledDataHasNoLabelColumn() throws Exception {
        Path file = dir.resolve("plain.parquet");
        Dataset ds = new Dataset("plain.csv", "22".repeat(32), List.of("a", "b"), new float[] {1, 2, 3, 4},
                null, new String[] {"", ""}, Optional.empty());
        Map<String, String> metadata = new java.util.HashMap<>();
        metadata.put("title", null);
        metadata.put("dataset.name", "plain.csv");
        DigitsWriter.write(file, ds, metadata);
        assertThat(duck.schema(file).keySet()).containsExactly("a", "b");
        assertThat(duck.kvMetadata(file)).containsEntry("dataset.name", "plain.csv").doesNotContainKey("title")
                .doesNotContainKey(EpochsSchema.KEY_CLASSES);
        assertThat(duck.one("SELECT count(*) FROM read_parquet(" + Duck.quote(file) + ")")).isEqualTo(2L);
    }

    @Test
    void pixelsMustBeIntegers0To255() {
        Dataset ds = images(3, 2);
        ds.values()[784 + 5] = 3.5f;
        Path file = dir.resolve("digits.parquet");
        assertThatThrownBy(() -> DigitsWriter.write(file, ds, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mnist-sample: pixel 6 of row 1 is 3.5, expected an integer 0–255");
        ds.values()[784 + 5] = 256;
        assertThatThrownBy(() -> DigitsWriter.write(file, ds, Map.of())).hasMessageContaining("is 256.0");
        assertThat(file).doesNotExist();
    }
}
