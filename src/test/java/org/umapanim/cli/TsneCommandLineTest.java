package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prepare --reducer tsne} end to end, its files read back by DuckDB. */
class TsneCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void prepareTsneWritesTheThreeFilesWithItsFooterAndEveryIteration() throws Exception {
        CliRun run = CliRun.of("prepare", "--reducer", "tsne", "--limit", "500", "--threads", "2", "--data-dir",
                tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String file : new String[] {"epochs.parquet", "metrics.parquet", "digits.parquet"}) {
            assertThat(footer(file, "umap-anim.reducer")).as(file).isEqualTo("tsne");
            assertThat(footer(file, "umap-anim.step")).as(file).isEqualTo("iteration");
        }
        String epochs = tmp.resolve("epochs.parquet").toString();
        assertThat(footer("epochs.parquet", "tsne.perplexity")).isEqualTo("30");
        assertThat(footer("epochs.parquet", "tsne.learning_rate")).isEqualTo("auto");
        assertThat(DuckDb.query("SELECT count(DISTINCT epoch) FROM read_parquet('" + epochs + "')")).isEqualTo("751");
        assertThat(DuckDb.query("SELECT count(*) FROM read_parquet('" + epochs + "')")).isEqualTo(Long.toString(500L * 751));
        assertThat(DuckDb.query("SELECT count(*) FROM read_parquet('" + tmp.resolve("metrics.parquet") + "')")).isEqualTo("751");
    }

    @Test
    void aPerplexityTooLargeForTheRowsIsAUsageErrorNamingTheLargestThatWorks() throws Exception {
        CliRun run = CliRun.of("prepare", "--reducer", "tsne", "--limit", "50", "--data-dir", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--perplexity 30 needs 90 neighbours besides each row (3·perplexity), more than 50"
                + " rows allow; the largest that works is 16");
        try (var files = java.nio.file.Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing written but the run lock")
                    .allMatch(".umap-anim.lock"::equals);
        }
    }

    @Test
    void helpGroupsTsnesOptionsUnderItsName() {
        String help = CliRun.of("prepare", "--help").out();
        assertThat(help.substring(help.indexOf("\nt-SNE:"), help.indexOf("\nRun:"))).contains("--perplexity",
                "--iterations", "--early-exaggeration", "--early-exaggeration-iterations", "--exaggeration")
                .doesNotContain("--epochs", "--limit");
        assertThat(help.substring(help.indexOf("\nLayout:"), help.indexOf("\nUMAP:"))).contains("--learning-rate",
                "--init", "--metric", "--pca");
    }

    private String footer(String file, String key) throws Exception {
        return DuckDb.query("SELECT decode(value) FROM parquet_kv_metadata('" + tmp.resolve(file) + "') WHERE decode(key) = '"
                + key + "'");
    }
}
