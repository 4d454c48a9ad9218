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
    void helpListsTheFiveCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("prepare", "render", "encode", "view", "all");
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
    @ValueSource(strings = {"prepare", "render", "encode", "view", "all"})
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

    private static final Pattern OPTION_ENTRY = Pattern.compile("(?m)^ {2,8}(?:-\\w, )?(--[\\w-]+)(=[^\\s\\]]+)?(?=\\s)");

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
    void badUmapParameterIsAUsageErrorNamingTheOption() {
        CliRun run = CliRun.of("prepare", "--min-dist", "2", "--spread", "1", "--limit", "100", "--data-dir", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().split("\n")).containsExactly(
                "umap-anim: --min-dist (2.0) must not exceed spread (1.0)",
                "Try 'umap-anim prepare --help' for the options and their values.");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void anUnknownReducerIsAUsageErrorListingTheReducers() {
        CliRun run = CliRun.of("prepare", "--reducer", "pca", "--limit", "100", "--data-dir", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().split("\n")).containsExactly(
                "umap-anim: --reducer must be umap or tsne, got 'pca'",
                "Try 'umap-anim prepare --help' for the options and their values.");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void prepareHelpGroupsUmapsOptionsUnderItsName() {
        String help = CliRun.of("prepare", "--help").out();
        assertThat(help).contains("--reducer=NAME").containsPattern("How the layout is found: umap, tsne;");
        assertThat(help.substring(help.indexOf("\nUMAP:"), help.indexOf("\nt-SNE:"))).contains("--epochs", "--neighbors",
                "--min-dist", "--spread").doesNotContain("--reducer", "--limit", "--metric", "--perplexity");
        // the options both reducers take, each one option whose default is the reducer's own
        assertThat(help.substring(help.indexOf("\nLayout:"), help.indexOf("\nUMAP:"))).contains("--metric", "--pca",
                "--init", "--learning-rate");
    }

    @Test
    void renderWithoutPrepareNamesTheMissingFile() {
        CliRun run = CliRun.of("render", "--data-dir", tmp.resolve("data").toString(), "--frames-dir", tmp.resolve("f").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("umap-anim: " + tmp.resolve("data").resolve("epochs.parquet"));
    }

    @Test
    void aDataFolderWithoutMetricsStillRendersButNotWithTheInset() throws Exception {
        Path data = tmp.resolve("data");
        CliRun prepare = CliRun.of("prepare", "--limit", "120", "--epochs", "5", "--data-dir", data.toString());
        assertThat(prepare.exitCode()).as(prepare.err()).isZero();
        Files.delete(data.resolve("metrics.parquet"));   // as prepared before the measures existed

        String[] render = {"render", "--data-dir", data.toString(), "--frames-dir", tmp.resolve("f").toString(),
                "--images-dir", tmp.resolve("i").toString()};
        CliRun inset = CliRun.of(concat(render, "--metrics-inset"));
        assertThat(inset.exitCode()).isEqualTo(1);
        assertThat(inset.err().strip()).isEqualTo("umap-anim: " + data.resolve("metrics.parquet")
                + ": does not exist, and --metrics-inset draws from it (run prepare again)");

        CliRun plain = CliRun.of(render);
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(tmp.resolve("i/combined.png")).exists();
        assertThat(tmp.resolve("i/metrics.png")).doesNotExist();
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void encodeWithoutFramesNamesTheFolder() throws Exception {
        Files.createDirectories(tmp.resolve("f"));
        CliRun run = CliRun.of("encode", "--frames-dir", tmp.resolve("f").toString(), "--movie", tmp.resolve("m.mp4").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("umap-anim: " + tmp.resolve("f"));
        assertThat(tmp.resolve("m.mp4")).doesNotExist();
    }

    @Test
    void viewWithoutPrepareNamesTheMissingFile() {
        CliRun run = CliRun.of("view", "--data-dir", tmp.resolve("data").toString(), "--html", tmp.resolve("v.html").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("umap-anim: " + tmp.resolve("data").resolve("epochs.parquet"));
        assertThat(tmp.resolve("v.html")).doesNotExist();
    }

    @Test
    void aBadViewerEpochListFailsBeforeAnyStageRuns() {
        CliRun run = CliRun.of("all", "--view-epochs", "0-x", "--limit", "100", "--data-dir", tmp.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("umap-anim: --view-epochs has '0-x'");
        assertThat(tmp.resolve("data")).doesNotExist();
    }
    @Test
    void allsHelpListsItsOptionsInParts() {
        String help = CliRun.of("all", "--help").out();
        assertThat(help).startsWith("Usage: umap-anim all [OPTIONS]");
        List<String> parts = help.lines().filter(l -> l.matches("[A-Za-z][A-Za-z-]*:")).toList();
        assertThat(parts).containsExactly("Input:", "Layout:", "UMAP:", "t-SNE:", "Frames:", "Movie:", "Viewer:", "Folders:",
                "Run:");
        assertThat(help.substring(help.indexOf("Input:"), help.indexOf("Layout:"))).contains("--input", "--limit", "--label");
        assertThat(help.substring(help.indexOf("Layout:"), help.indexOf("UMAP:"))).contains("--reducer=NAME", "--stretch")
                .doesNotContain("--epochs");
        assertThat(help.substring(help.indexOf("UMAP:"), help.indexOf("Frames:"))).contains("--epochs", "--min-dist");
        assertThat(help.substring(help.indexOf("Movie:"), help.indexOf("Viewer:"))).contains("--crf", "--movie");
        assertThat(help.substring(help.indexOf("Run:"))).contains("--threads", "--seed", "--force", "--quiet");
        Matcher option = OPTION_ENTRY.matcher(help);
        List<String> names = new ArrayList<>();
        while (option.find()) {
            names.add(option.group(1));
        }
        assertThat(names).doesNotHaveDuplicates().contains("--html", "--view-epochs", "--size");
    }

    @Test
    void helpIsACommandToo() {
        CliRun all = CliRun.of("help");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("prepare", "render", "encode", "view", "all", "help");
        CliRun prepare = CliRun.of("help", "prepare");
        assertThat(prepare.exitCode()).isZero();
        assertThat(prepare.out()).contains("Usage: umap-anim prepare", "--epochs");
    }

    @Test
    void bashCompletesCommandsAndOptions() throws Exception {
        Path script = tmp.resolve("umap-anim_completion");
        Files.writeString(script, ShellCompletion.script());
        assertThat(complete(script, "umap-anim pre")).isEqualTo("prepare");
        assertThat(complete(script, "umap-anim prepare --ep")).isEqualTo("--epochs");
        assertThat(complete(script, "umap-anim all --vie")).isEqualTo("--view-epochs");
    }

    /** What bash's completion offers for {@code line}, the way the shell calls the function. */
    private static String complete(Path script, String line) throws Exception {
        String words = String.join(" ", line.split(" "));
        String bash = "source '" + script + "' 2>/dev/null; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                + "_complete_umap-anim 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).isZero();
        return out;
    }
}
