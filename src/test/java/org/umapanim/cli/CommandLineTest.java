package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user meets it: help, version, usage errors and runtime errors. */
class CommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsTheFourCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("prepare", "render", "encode", "all");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("umap-anim ");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing a command");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepare", "render", "encode", "all"})
    void everyOptionWithAValueShowsItsDefault(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--verbose", "--quiet");
        Matcher option = OPTION_ENTRY.matcher(run.out());
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (option.find()) {
            starts.add(option.start());
            names.add(option.group(1) + (option.group(2) == null ? "" : "=value"));
        }
        starts.add(run.out().length());
        assertThat(names).hasSizeGreaterThan(4);
        for (int i = 0; i < names.size(); i++) {
            String entry = run.out().substring(starts.get(i), starts.get(i + 1));
            // options that take a value must say what happens without them
            if (names.get(i).endsWith("=value")) {
                assertThat(entry).as(names.get(i) + " in " + command + " --help").contains("default");
            }
        }
    }

    private static final Pattern OPTION_ENTRY = Pattern.compile("(?m)^ {2,}(?:-\\w, )?(--[\\w-]+)(=[^\\s\\]]+)?(?=\\s)");

    @Test
    void prepareHelpSaysWhenPcaHelps() {
        assertThat(CliRun.of("prepare", "--help").out().replaceAll("\\s+", " "))
                .contains("--pca=N", "784-pixel images or embeddings of hundreds of dimensions", "--init=METHOD");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("prepare", "--no-such-option");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void badValueIsAUsageError() {
        CliRun run = CliRun.of("prepare", "--epochs", "many");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--epochs").contains("many");
    }

    @Test
    void missingInputIsOneLineNamingTheFileWithoutStackTrace() {
        Path missing = tmp.resolve("nowhere.csv");
        CliRun run = CliRun.of("prepare", "--input", missing.toString(), "--data-dir", tmp.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("umap-anim: " + missing + ": ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(tmp.resolve("data/digits.parquet")).doesNotExist();
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path missing = tmp.resolve("nowhere.csv");
        CliRun run = CliRun.of("prepare", "--verbose", "--input", missing.toString(), "--data-dir", tmp.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("at org.umapanim").contains("umap-anim: " + missing);
    }

    @Test
    void badUmapParameterIsOneLine() {
        CliRun run = CliRun.of("prepare", "--min-dist", "2", "--spread", "1", "--limit", "100", "--data-dir", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("umap-anim: ").contains("min").doesNotContain("\n");
    }

    @Test
    void renderWithoutPrepareNamesTheMissingFile() {
        CliRun run = CliRun.of("render", "--data-dir", tmp.resolve("data").toString(), "--frames-dir", tmp.resolve("f").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("umap-anim: " + tmp.resolve("data").resolve("epochs.parquet"));
    }

    @Test
    void encodeWithoutFramesNamesTheFolder() throws Exception {
        Files.createDirectories(tmp.resolve("f"));
        CliRun run = CliRun.of("encode", "--frames-dir", tmp.resolve("f").toString(), "--movie", tmp.resolve("m.mp4").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("umap-anim: " + tmp.resolve("f"));
        assertThat(tmp.resolve("m.mp4")).doesNotExist();
    }
}
