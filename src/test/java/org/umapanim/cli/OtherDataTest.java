package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.dataset.download.DebianFashionMnist;
import org.umapanim.dataset.download.LocalMirror;

/** Beyond the bundled sample: Fashion-MNIST through a (local) mirror, and any labelled table. */
class OtherDataTest {
    @TempDir
    Path tmp;

    private String[] all(String... extra) {
        // one frame per epoch: frames counted against epochs (the pacing has its own tests)
        List<String> args = new ArrayList<>(List.of("all", "--epochs", "10", "--pace", "epochs",
                "--data-dir", tmp.resolve("data").toString(), "--frames-dir", tmp.resolve("frames").toString(),
                "--images-dir", tmp.resolve("images").toString(), "--movie", tmp.resolve("umap.mp4").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void fashionMnistEndToEndFromALocalMirror() throws Exception {
        // CI installs Debian's dataset-fashion-mnist; elsewhere the test needs it too, but may skip
        if (System.getenv("CI") == null) {
            assumeTrue(DebianFashionMnist.installed(), "Debian package dataset-fashion-mnist is not installed");
        }
        try (LocalMirror mirror = DebianFashionMnist.mirror()) {
            CliRun run = CliRun.of(all("--dataset", "fashion-mnist", "--limit", "1500", "--mirror", mirror.url(),
                    "--cache-dir", tmp.resolve("cache").toString()));
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        Path epochs = tmp.resolve("data/epochs.parquet");
        assertThat(DuckDb.query("SELECT count(DISTINCT item) FROM read_parquet('" + epochs + "')")).isEqualTo("10");
        assertThat(DuckDb.query("SELECT count(*) FROM read_parquet('" + epochs + "') WHERE item = 'Ankle boot'")).isNotEqualTo("0");
        assertThat(DuckDb.query("SELECT decode(value) FROM parquet_kv_metadata('" + epochs + "') WHERE decode(key) = 'title'"))
                .isEqualTo("Fashion-MNIST embedded into two dimensions by UMAP");
        assertThat(Frames.count(tmp.resolve("frames"))).isEqualTo(11);
        assertThat(tmp.resolve("umap.mp4")).isNotEmptyFile();
    }

    @Test
    void anyLabelledCsvTable() throws Exception {
        Path csv = tmp.resolve("flowers.csv");
        Random random = new Random(1);
        StringBuilder text = new StringBuilder("sepal_length,sepal_width,petal_length,petal_width,species\n");
        String[] species = {"setosa", "versicolor", "virginica"};
        for (int i = 0; i < 300; i++) {
            int s = i % 3;
            text.append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f,%s%n", 5 + 2 * s + random.nextGaussian() * 0.3,
                    3 + random.nextGaussian() * 0.3, 1 + 2.5 * s + random.nextGaussian() * 0.3,
                    0.2 + s + random.nextGaussian() * 0.2, species[s]));
        }
        Files.writeString(csv, text);

        CliRun run = CliRun.of(all("--input", csv.toString(), "--label", "species"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path digits = tmp.resolve("data/digits.parquet");
        assertThat(DuckDb.query("SELECT string_agg(name, ',' ORDER BY name) FROM parquet_schema('" + digits + "') WHERE num_children IS NULL"))
                .isEqualTo("petal_length,petal_width,sepal_length,sepal_width,species");
        Path epochs = tmp.resolve("data/epochs.parquet");
        assertThat(DuckDb.query("SELECT string_agg(DISTINCT species, ',' ORDER BY species) FROM read_parquet('" + epochs + "')"))
                .isEqualTo("setosa,versicolor,virginica");
        assertThat(DuckDb.query("SELECT decode(value) FROM parquet_kv_metadata('" + epochs + "') WHERE decode(key) = 'title'"))
                .isEqualTo("flowers embedded into two dimensions by UMAP");
        assertThat(Frames.count(tmp.resolve("frames"))).isEqualTo(11);
        assertThat(tmp.resolve("umap.mp4")).isNotEmptyFile();
    }

    @Test
    void unlabelledTable() throws Exception {
        Path csv = tmp.resolve("points.csv");
        Random random = new Random(2);
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 200; i++) {
            text.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f%n", random.nextGaussian(), random.nextGaussian(), i % 2 * 5.0));
        }
        Files.writeString(csv, text);
        CliRun run = CliRun.of(all("--input", csv.toString(), "--label", "none"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Frames.count(tmp.resolve("frames"))).isEqualTo(11);
    }

    @Test
    void theMetricIsRecordedAndHugeValuesAreFine() throws Exception {
        // values near 1e19: their squares overflow a float, which once crashed the kNN
        Path csv = tmp.resolve("huge.csv");
        Random random = new Random(3);
        StringBuilder text = new StringBuilder("a,b,c,d,kind\n");
        for (int i = 0; i < 300; i++) {
            int kind = i % 3;
            text.append(String.format(Locale.ROOT, "%.4e,%.4e,%.4e,%.4e,k%d%n", (1 + kind + 0.1 * random.nextGaussian()) * 1e19,
                    (3 - kind + 0.1 * random.nextGaussian()) * 1e19, random.nextGaussian() * 1e18,
                    (kind == 1 ? 2 : 0.5) * 1e19 * (1 + 0.1 * random.nextGaussian()), kind));
        }
        Files.writeString(csv, text);
        Path data = tmp.resolve("data");
        CliRun run = CliRun.of("prepare", "--input", csv.toString(), "--label", "kind", "--metric", "cosine",
                "--epochs", "10", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String file : new String[] {"digits.parquet", "epochs.parquet"}) {
            assertThat(DuckDb.query("SELECT decode(value) FROM parquet_kv_metadata('" + data.resolve(file)
                    + "') WHERE decode(key) = 'umap.metric'")).isEqualTo("cosine");
        }
        assertThat(DuckDb.query("SELECT count(*) FROM read_parquet('" + data.resolve("epochs.parquet")
                + "') WHERE isnan(x) OR isnan(y)")).isEqualTo("0");
    }
}
