package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our two files as the original notebook reads them, with polars 0.54 (nodejs-polars 0.25.2, which
 * {@code .ci/run} installs into src/test/node): it refused files whose FLOAT columns declared the
 * IEEE 754 total order. The notebook's reads — both files whole, the last epoch, labels counted —
 * must agree with DuckDB's. Skipped where the npm packages are not installed, required on CI.
 */
class PolarsInteropTest {
    private static final Path NODE = Path.of("src/test/node");

    @TempDir
    Path tmp;

    @Test
    void imageDigitsReadAsTheNotebookReadsThem() throws Exception {
        Path data = tmp.resolve("digits");
        assertThat(CliRun.of("prepare", "--quiet", "--limit", "300", "--epochs", "5", "--data-dir", data.toString())
                .exitCode()).isZero();
        agreeWithDuckDb(data, "digit");
    }

    @Test
    void aTableOfFloatsReadsToo() throws Exception {
        Path csv = tmp.resolve("flowers.csv");
        Random random = new Random(3);
        StringBuilder text = new StringBuilder("a,b,c,species\n");
        for (int i = 0; i < 200; i++) {
            text.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%s%n", random.nextGaussian() + i % 3,
                    random.nextGaussian(), random.nextGaussian() * 2, "s" + i % 3));
        }
        Files.writeString(csv, text);
        Path data = tmp.resolve("table");
        CliRun run = CliRun.of("prepare", "--quiet", "--input", csv.toString(), "--label", "species", "--epochs", "5",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        agreeWithDuckDb(data, "species");
    }

    private static void agreeWithDuckDb(Path data, String label) throws Exception {
        boolean installed = Files.isDirectory(NODE.resolve("node_modules/nodejs-polars"));
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "nodejs-polars is not installed (npm ci --prefix src/test/node)");
        }
        Process node = new ProcessBuilder("node", NODE.resolve("polars-notebook.js").toString(), data.toString(), label)
                .redirectErrorStream(true).start();
        String json = new String(node.getInputStream().readAllBytes()).strip();
        assertThat(node.waitFor()).as(json).isZero();

        // the label is categorical, as in the seed's file: dictionary-encoded, and so declared in ARROW:schema
        assertThat(json).contains("\"labelType\":\"DataType(Categorical)\"");
        String digits = "read_parquet('" + data.resolve("digits.parquet") + "')";
        String epochs = "read_parquet('" + data.resolve("epochs.parquet") + "')";
        String lastEpoch = "(SELECT max(epoch) FROM " + epochs + ")";
        assertThat(number(json, "digitsRows")).isEqualTo(Double.parseDouble(DuckDb.query("SELECT count(*) FROM " + digits)));
        assertThat(number(json, "firstRowSum")).isCloseTo(Double.parseDouble(DuckDb.query("SELECT sum(v) FROM (UNPIVOT"
                + " (SELECT * EXCLUDE (" + label + ") FROM " + digits + " LIMIT 1) ON COLUMNS(*) INTO NAME k VALUE v)")),
                within(1e-3));
        assertThat(number(json, "epochs")).isEqualTo(6);
        assertThat(number(json, "lastEpoch")).isEqualTo(5);
        assertThat(number(json, "finalRows")).isEqualTo(number(json, "digitsRows"));
        assertThat(number(json, "finalMeanX")).isCloseTo(Double.parseDouble(DuckDb.query(
                "SELECT avg(x) FROM " + epochs + " WHERE epoch = " + lastEpoch)), within(1e-6));
        assertThat(number(json, "finalY42")).isCloseTo(Double.parseDouble(DuckDb.query(
                "SELECT y FROM " + epochs + " WHERE epoch = " + lastEpoch + " AND index = 42")), within(1e-7));
        assertThat(json).contains("\"counts\":[" + DuckDb.query("SELECT string_agg(n::VARCHAR, ',' ORDER BY " + label
                + ") FROM (SELECT " + label + ", count(*) AS n FROM " + epochs + " WHERE epoch = 0 GROUP BY " + label + ")") + "]");
    }

    private static double number(String json, String key) {
        var m = java.util.regex.Pattern.compile("\"" + key + "\":(-?[0-9.eE+-]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
