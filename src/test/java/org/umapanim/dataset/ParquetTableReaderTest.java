package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;

/** Parquet tables written by DuckDB, read back and compared with what DuckDB itself reads. */
class ParquetTableReaderTest {
    @TempDir
    Path dir;

    static Connection duck;

    @BeforeAll
    static void open() throws Exception {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws Exception {
        duck.close();
    }

    private Path write(String name, String select, String options) throws Exception {
        Path file = dir.resolve(name);
        try (Statement st = duck.createStatement()) {
            st.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet" + options + ")");
        }
        return file;
    }

    private static FileProblem problem(Path file, String label) {
        try {
            DatasetReader.read(file, label, 0);
        } catch (FileProblem e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.problem()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("expected a FileProblem for " + file);
    }

    private static final String MIXED = """
            SELECT ['red','green','blue'][1 + (i % 3)::INT] AS species,
                   sin(i) * 1000 AS a_double,
                   (cos(i) / 7)::FLOAT AS b_float,
                   (i * 37 % 1001 - 500)::INTEGER AS c_int,
                   (i * 1234567891)::BIGINT AS d_bigint,
                   (i % 300 - 150)::SMALLINT AS e_smallint,
                   (i % 200 - 100)::TINYINT AS f_tinyint,
                   (i % 256)::UTINYINT AS g_utinyint,
                   ((i % 9999) / 100.0)::DECIMAL(6,2) AS h_decimal,
                   (i * 3)::UBIGINT AS j_ubigint,
                   ((i % 77) / 8.0)::DECIMAL(30,3) AS k_wide_decimal
            FROM range(5000) t(i)
            """;

    @Test
    void roundTripOfEveryNumericTypeAcrossRowGroups() throws Exception {
        Path file = write("mixed.parquet", MIXED, ", ROW_GROUP_SIZE 1024, COMPRESSION zstd");
        Dataset ds = DatasetReader.read(file, "species", 0);
        List<String> columns = List.of("a_double", "b_float", "c_int", "d_bigint", "e_smallint", "f_tinyint",
                "g_utinyint", "h_decimal", "j_ubigint", "k_wide_decimal");
        assertThat(ds.name()).isEqualTo("mixed");
        assertThat(ds.columns()).containsExactlyElementsOf(columns);
        assertThat(ds.labelColumn()).isEqualTo("species");
        assertThat(ds.rows()).isEqualTo(5000);
        assertThat(ds.image()).isEmpty();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM '" + file + "'")) {
            int row = 0;
            while (rs.next()) {
                assertThat(ds.labels()[row]).isEqualTo(rs.getString("species"));
                for (int c = 0; c < columns.size(); c++) {
                    float expected = (float) rs.getDouble(columns.get(c));
                    if (columns.get(c).equals("d_bigint") || columns.get(c).equals("j_ubigint")) {
                        expected = new java.math.BigDecimal(rs.getString(columns.get(c))).floatValue();
                    }
                    assertThat(ds.values()[row * columns.size() + c]).as("row %d %s", row, columns.get(c)).isEqualTo(expected);
                }
                row++;
            }
            assertThat(row).isEqualTo(5000);
        }
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThan(1);
        }
        assertThat(ds.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));

        Dataset limited = DatasetReader.read(file, "species", 3000);
        assertThat(limited.rows()).isEqualTo(3000);
        assertThat(limited.values()).isEqualTo(Arrays.copyOf(ds.values(), 3000 * columns.size()));
    }

    @Test
    void digitsParquetLayoutIsAnImageWithIntegerOrTextLabels() throws Exception {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int j = 1; j <= 16; j++) {
            select.append("((i * ").append(j).append(") % 256)::INTEGER AS pixel").append(j).append(", ");
        }
        Path ints = write("ints.parquet", select + "(i % 10)::INTEGER AS digit FROM range(50) t(i)", "");
        Dataset ds = DatasetReader.read(ints, null, 0);
        assertThat(ds.labelColumn()).isEqualTo("digit");
        assertThat(ds.image()).contains(new ImageShape(4, 4));
        assertThat(ds.labels()[13]).isEqualTo("3");
        assertThat(ds.values()[13 * 16 + 4]).isEqualTo((13 * 5) % 256);

        Path text = write("text.parquet", select + "(i % 10)::VARCHAR AS digit FROM range(50) t(i)", ", COMPRESSION snappy");
        Dataset fromText = DatasetReader.read(text, null, 0);
        assertThat(fromText.labels()).isEqualTo(ds.labels());
        assertThat(fromText.values()).isEqualTo(ds.values());

        Path doubles = write("doubles.parquet", "SELECT (i / 2)::DOUBLE AS pixel1, 0.0::DOUBLE AS pixel2, "
                + "1.0::DOUBLE AS pixel3, 2.0::DOUBLE AS pixel4, 'x' AS label FROM range(4) t(i)", "");
        assertThat(DatasetReader.read(doubles, null, 0).image()).isEmpty(); // 0.5 is not a pixel value
    }

    @Test
    void nullsAreNamedByRowAndColumn() throws Exception {
        Path file = write("nulls.parquet", "SELECT 'a' AS label, CASE WHEN i = 6 THEN NULL ELSE i END AS x FROM range(10) t(i)", "");
        assertThat(problem(file, null).problem()).isEqualTo("row 7, column 'x': missing value (null)");
        Path label = write("nolabel.parquet", "SELECT CASE WHEN i = 2 THEN NULL ELSE 'a' END AS label, i AS x FROM range(10) t(i)", "");
        assertThat(problem(label, null).problem()).isEqualTo("row 3: missing label (null) in column 'label'");
    }

    @Test
    void nanAndInfinityAreRejected() throws Exception {
        Path nan = write("nan.parquet", "SELECT 'a' AS label, CASE WHEN i = 4 THEN 'nan'::DOUBLE ELSE i END AS x FROM range(10) t(i)", "");
        assertThat(problem(nan, null).problem()).isEqualTo("row 5, column 'x': NaN is not a finite number");
        Path inf = write("inf.parquet", "SELECT 'a' AS label, CASE WHEN i = 0 THEN '-inf'::FLOAT ELSE i END AS x FROM range(10) t(i)", "");
        assertThat(problem(inf, null).problem()).isEqualTo("row 1, column 'x': -Infinity is not a finite number");
        Path big = write("big.parquet", "SELECT 'a' AS label, 1e300::DOUBLE AS x", "");
        assertThat(problem(big, null).problem()).contains("row 1, column 'x'", "too large for a float");
    }

    @Test
    void labelColumnProblems() throws Exception {
        Path file = write("t.parquet", "SELECT 'a' AS kind, 1.5::DOUBLE AS score, 2 AS x", "");
        assertThat(problem(file, "species").problem()).isEqualTo("no label column 'species' (columns: kind, score, x)");
        assertThat(problem(file, null).problem()).contains("column 'kind' holds text", "--label");
        assertThat(problem(file, "score").problem()).contains("label column 'score' holds double", "text or integers");
        Dataset ds = DatasetReader.read(file, "kind", 0);
        assertThat(ds.columns()).containsExactly("score", "x");
        assertThat(ds.values()).containsExactly(1.5f, 2f);
    }

    @Test
    void zeroRowsNestedColumnsAndDamagedFiles() throws Exception {
        Path empty = write("empty.parquet", "SELECT 'a' AS label, 1 AS x WHERE false", "");
        assertThat(problem(empty, null).problem()).isEqualTo("no rows");

        Path nested = write("nested.parquet", "SELECT 'a' AS label, [1, 2] AS xs", "");
        assertThat(problem(nested, null).problem()).isEqualTo("has nested columns (xs) and none is a list of floats or doubles; "
                + "only flat tables and vector columns can be read");

        Path notParquet = Files.writeString(dir.resolve("fake.parquet"), "label,x\na,1\n");
        assertThat(problem(notParquet, null).problem()).isEqualTo("not a Parquet file");

        Path good = write("good.parquet", MIXED, "");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(problem(cut, "species").problem()).isEqualTo("truncated Parquet file (it has no footer)");
    }

    @Test
    void readsThirtyThousandDigits() throws Exception {
        List<String> cols = new ArrayList<>();
        for (int j = 1; j <= 784; j++) {
            cols.add("((i * " + j + " + i // 7) % 256)::UTINYINT AS pixel" + j);
        }
        Path file = write("digits.parquet", "SELECT " + String.join(", ", cols)
                + ", (i % 10)::VARCHAR AS digit FROM range(30000) t(i)", ", COMPRESSION zstd");
        Dataset ds = DatasetReader.read(file, null, 0);
        assertThat(ds.rows()).isEqualTo(30_000);
        assertThat(ds.image()).contains(new ImageShape(28, 28));
        long i = 29_999;
        assertThat(ds.values()[(int) i * 784 + 99]).isEqualTo((float) ((i * 100 + i / 7) % 256)); // ~0.5 s CPU; generous for a loaded CI machine
    }
}
