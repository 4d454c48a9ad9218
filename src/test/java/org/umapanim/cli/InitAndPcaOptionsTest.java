package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --init} and {@code --pca} on the command line: recorded in the footer, bad values one line. */
class InitAndPcaOptionsTest {
    @TempDir
    Path tmp;

    private CliRun prepare(String dir, String... extra) {
        String[] args = new String[] {"prepare", "--limit", "300", "--epochs", "8", "--data-dir", tmp.resolve(dir).toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliRun.of(all);
    }

    private String footer(String dir, String key) throws Exception {
        return DuckDb.query("SELECT decode(value) FROM parquet_kv_metadata('" + tmp.resolve(dir).resolve("epochs.parquet")
                + "') WHERE decode(key) = '" + key + "'");
    }

    /** Every coordinate of every epoch, as one digest. */
    private String layouts(String dir) throws Exception {
        return DuckDb.query("SELECT md5(string_agg(x::VARCHAR || ' ' || y::VARCHAR, ',' ORDER BY epoch, index)) FROM read_parquet('"
                + tmp.resolve(dir).resolve("epochs.parquet") + "')");
    }

    @Test
    void theFooterSaysHowTheLayoutStartedAndWhetherPcaRan() throws Exception {
        CliRun plain = prepare("plain");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(footer("plain", "umap.init")).isEqualTo("spectral");
        assertThat(footer("plain", "umap.pca")).isEqualTo("none");

        CliRun reduced = prepare("reduced", "--pca", "20", "--init", "pca");
        assertThat(reduced.exitCode()).as(reduced.err()).isZero();
        assertThat(footer("reduced", "umap.init")).isEqualTo("pca");
        assertThat(footer("reduced", "umap.pca")).isEqualTo("20");
        assertThat(layouts("reduced")).isNotEqualTo(layouts("plain"));
    }

    @Test
    void oneAndTwoThreadsWriteTheSameLayouts() throws Exception {
        assertThat(prepare("one", "--threads", "1", "--pca", "30").exitCode()).isZero();
        assertThat(prepare("two", "--threads", "2", "--pca", "30").exitCode()).isZero();
        assertThat(layouts("two")).isEqualTo(layouts("one"));
    }

    @Test
    void badValuesAreOneLine() {
        CliRun init = prepare("bad", "--init", "umap");
        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err().lines().findFirst()).hasValue("umap-anim: --init must be spectral, pca or random, got 'umap'");
        CliRun pca = prepare("bad", "--pca", "784");
        assertThat(pca.exitCode()).isEqualTo(1);
        assertThat(pca.err().strip()).isEqualTo("umap-anim: pca must be fewer than the data's 784 columns, got 784");
        assertThat(tmp.resolve("bad/epochs.parquet")).doesNotExist();
        assertThat(tmp.resolve("bad/digits.parquet")).doesNotExist();
    }
}
