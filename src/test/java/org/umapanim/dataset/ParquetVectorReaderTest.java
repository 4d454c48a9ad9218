package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/** Vector columns written by DuckDB ({@code FLOAT[8]}, {@code DOUBLE[]}) and nodejs-polars (Array, List). */
class ParquetVectorReaderTest {
    private static final Path NODE = Path.of("src/test/node");
    private static final int N = 300;
    private static final int D = 8;

    @TempDir
    static Path dir;

    /** Row i's value k in every file here. */
    private static float value(int i, int k) {
        return (float) (((7 * i + 3 * k) % 50) / 4.0 - 3);
    }

    private static final String VECTOR = "list_transform(range(8), k -> ((7 * i + 3 * k) % 50) / 4 - 3)";

    @BeforeAll
    static void writeWithDuckDb() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String rows = "FROM range(" + N + ") t(i)";
            // small row groups, so a table spans several
            copy(s, "SELECT " + VECTOR + "::FLOAT[8] AS emb, ['cat','dog','bird'][i % 3 + 1] AS label " + rows,
                    "fixed.parquet", ", ROW_GROUP_SIZE 64");
            copy(s, "SELECT i AS id, " + VECTOR + "::DOUBLE[] AS emb, (i % 2 = 0) AS even " + rows, "list.parquet", "");
            copy(s, "SELECT " + VECTOR + "::FLOAT[] AS a, " + VECTOR + "::FLOAT[] AS b, i % 3 AS class " + rows,
                    "two.parquet", "");
            copy(s, "SELECT CASE WHEN i = 41 THEN [1.0, 2.0] ELSE " + VECTOR + " END::FLOAT[] AS emb " + rows,
                    "ragged.parquet", "");
            copy(s, "SELECT CASE WHEN i = 41 THEN NULL ELSE " + VECTOR + " END::FLOAT[] AS emb " + rows,
                    "null.parquet", "");
            copy(s, "SELECT CASE WHEN i = 41 THEN [] ELSE " + VECTOR + " END::FLOAT[] AS emb " + rows,
                    "empty.parquet", "");
            copy(s, "SELECT CASE WHEN i = 41 THEN [1.0, NULL, 3.0] ELSE " + VECTOR + " END::FLOAT[] AS emb " + rows,
                    "nullvalue.parquet", "");
            copy(s, "SELECT CASE WHEN i = 41 THEN list_transform(range(8), k -> CASE WHEN k = 5 THEN 'NaN'::FLOAT"
                    + " ELSE k END) ELSE " + VECTOR + " END::FLOAT[] AS emb " + rows, "nan.parquet", "");
            copy(s, "SELECT [i::VARCHAR] AS words, i AS x " + rows, "words.parquet", "");
        }
    }

    private static void copy(Statement s, String select, String file, String options) throws Exception {
        s.execute("COPY (" + select + ") TO '" + dir.resolve(file) + "' (FORMAT PARQUET" + options + ")");
        // the same table as CSV, where DuckDB writes a list as "[1.0, 2.0]"
        s.execute("COPY (" + select + ") TO '" + dir.resolve(file.replace(".parquet", ".csv")) + "' (FORMAT CSV, HEADER)");
    }

    private static Dataset read(String file, String label, int limit, String features) {
        return DatasetReader.read(dir.resolve(file), label, limit, new ReadOptions(null, null, features, null));
    }

    private static void assertValues(Dataset ds, int rows) {
        assertThat(ds.rows()).isEqualTo(rows);
        assertThat(ds.cols()).isEqualTo(D);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < D; k++) {
                assertThat(ds.values()[i * D + k]).as(ds.name() + " [" + i + "][" + k + "]").isEqualTo(value(i, k));
            }
        }
    }

    @Test
    void duckDbFixedSizeArrayAcrossRowGroups() {
        Dataset ds = read("fixed.parquet", null, 0, null);
        assertValues(ds, N);
        assertThat(ds.labelColumn()).isEqualTo("label");
        assertThat(ds.labels()[4]).isEqualTo("dog");
        assertThat(ds.matrix()).isEqualTo("emb");
        assertThat(ds.columns().get(7)).isEqualTo("emb_7");
        assertValues(read("fixed.parquet", null, 100, null), 100);
    }

    @Test
    void duckDbListOfDoublesWithOtherColumnsAsLabels() {
        Dataset ds = read("list.parquet", "even", 0, null);
        assertValues(ds, N);
        assertThat(ds.labels()[3]).isEqualTo("false");
        assertThat(read("list.parquet", "id", 0, null).labels()[299]).isEqualTo("299");
        assertThat(read("list.parquet", null, 0, "emb").labelled()).isFalse();
    }

    @Test
    void severalVectorColumnsNeedFeatures() {
        assertThatThrownBy(() -> read("two.parquet", null, 0, null)).isInstanceOf(FileProblem.class)
                .hasMessage("has 2 vector columns (a, b); name one with --features");
        Dataset b = read("two.parquet", null, 0, "b");
        assertValues(b, N);
        assertThat(b.labelColumn()).isEqualTo("class");
        assertThat(b.matrix()).isEqualTo("b");
        assertThatThrownBy(() -> read("two.parquet", null, 0, "class")).isInstanceOf(SettingProblem.class)
                .hasMessage("features 'class' is a column of single values, not of vectors (list columns of numbers: a, b)");
        assertThatThrownBy(() -> read("words.parquet", null, 0, "words")).isInstanceOf(SettingProblem.class)
                .hasMessage("features 'words' is not a list of floats or doubles (list columns of numbers: none)");
    }

    @Test
    void raggedNullEmptyAndNanNameTheRow() {
        assertThatThrownBy(() -> read("ragged.parquet", null, 0, null)).isInstanceOf(FileProblem.class)
                .hasMessage("row 42, column 'emb': 2 values, the rows before have 8");
        assertThatThrownBy(() -> read("null.parquet", null, 0, null))
                .hasMessage("row 42, column 'emb': null, not a vector");
        assertThatThrownBy(() -> read("empty.parquet", null, 0, null))
                .hasMessage("row 42, column 'emb': an empty list, not a vector");
        assertThatThrownBy(() -> read("nullvalue.parquet", null, 0, null))
                .hasMessage("row 42, column 'emb': value 2 is null");
        assertThatThrownBy(() -> read("nan.parquet", null, 0, null))
                .hasMessage("row 42, column 'emb': value 6 is NaN, not a finite number");
    }

    @Test
    void csvListColumnsAsDuckDbWritesThem() throws Exception {
        Dataset fixed = read("fixed.csv", null, 0, null);
        assertValues(fixed, N);
        assertThat(fixed.labels()[4]).isEqualTo("dog");
        assertThat(fixed.matrix()).isEqualTo("emb");
        assertValues(read("list.csv", "even", 0, null), N);
        assertValues(read("fixed.csv", null, 10, null), 10);
        assertThatThrownBy(() -> read("two.csv", null, 0, null)).isInstanceOf(FileProblem.class)
                .hasMessage("has 2 vector columns (a, b); name one with --features");
        assertValues(read("two.csv", null, 0, "b"), N);
        assertThatThrownBy(() -> read("ragged.csv", null, 0, null))
                .hasMessage("line 43, column 'emb': 2 values, the rows before have 8");
        assertThatThrownBy(() -> read("null.csv", null, 0, null))
                .hasMessage("line 43, column 'emb': empty, not a vector");
        assertThatThrownBy(() -> read("nan.csv", null, 0, null))
                .hasMessage("line 43, column 'emb': nan is not a finite number");
        // NumPy's way: spaces between the values, no quotes
        Path spaces = Files.writeString(dir.resolve("spaces.csv"), "label,emb\na,[1.5 2 3]\nb,[ 4  5 6.25 ]\n");
        Dataset ds = DatasetReader.read(spaces, null, 0);
        assertThat(ds.values()).containsExactly(1.5f, 2f, 3f, 4f, 5f, 6.25f);
        assertThat(ds.labels()).containsExactly("a", "b");
    }

    @Test
    void polarsArrayAndList() throws Exception {
        boolean installed = Files.isDirectory(NODE.resolve("node_modules/nodejs-polars"));
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "nodejs-polars is not installed (npm ci --prefix src/test/node)");
        }
        Process node = new ProcessBuilder("node", NODE.resolve("write-vectors.js").toString(), dir.toString(),
                Integer.toString(N), Integer.toString(D)).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes());
        assertThat(node.waitFor()).as(out).isZero();
        for (String file : new String[] {"polars-array.parquet", "polars-list.parquet"}) {
            Dataset ds = read(file, "species", 0, null);
            assertValues(ds, N);
            assertThat(ds.labels()[2]).as(file).isEqualTo("bird");
        }
    }
}
