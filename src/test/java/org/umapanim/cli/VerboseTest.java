package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verbose} says what UMAP did and the peak memory; without it prepare keeps to its results. */
class VerboseTest {
    @TempDir
    Path tmp;

    private CliRun prepare(String dir, String... extra) {
        String[] args = {"prepare", "--limit", "600", "--epochs", "10", "--pca", "20", "--data-dir",
                tmp.resolve(dir).toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void verboseAddsUmapsFiguresAndThePeakMemory() {
        CliRun run = prepare("verbose", "--verbose");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // below 4,096 rows the kNN is exact, so its sampled recall must be exactly 1
        assertThat(run.out()).containsPattern("UMAP: PCA to 20 columns; kNN exact, 15 neighbours \\(euclidean\\), "
                + "recall 1\\.000 on 100 sampled rows; graph [0-9,]+ edges, [0-9]+ components?; init spectral; "
                + "a 1\\.577, b 0\\.895")
                .containsPattern("peak memory [0-9.]+ GB (resident|of Java heap), heap limit [0-9.]+ GB")
                .contains("PCA ");
    }

    @Test
    void withoutItPrepareKeepsToItsResults() {
        CliRun run = prepare("plain");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("trustworthiness").doesNotContain("UMAP:", "peak memory");
    }
}
