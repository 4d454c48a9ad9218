package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.Checksums;

/**
 * The reliability matrix: the command line as a hostile user meets it — bad inputs, bad options,
 * damaged stage files, kills, two runs at once, a full disk. Every case starts from a copy of a
 * good, finished run, runs one command and is classified: a clear error is one line naming the file
 * or option (two for a usage error, the second pointing to --help), with exit code 1 (2 for usage).
 * The matrix fails on any stack trace, any wrong result with exit code 0 and any good file lost, and
 * prints its counts at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilityMatrixTest {
    private static final String[] SMALL = {"--limit", "300", "--epochs", "6", "--threads", "2"};

    @TempDir
    static Path tmp;

    private Path template;
    private final List<String> mounts = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final java.util.concurrent.atomic.AtomicInteger caseNumber = new java.util.concurrent.atomic.AtomicInteger();

    /** What a case must end with. */
    enum Expect { SUCCESS, USAGE, FAILURE }

    @FunctionalInterface
    interface Setup {
        void prepare(Run run) throws Exception;
    }

    @FunctionalInterface
    interface Action {
        CliRun run(Run run) throws Exception;
    }

    /**
     * One case: {@code setup} changes a copy of the good run, {@code action} runs a command (its
     * own folders are added), the outcome must match {@code expect} and, for errors, the line must
     * contain {@code says}.
     */
    record Case(String category, String name, Setup setup, Action action, Expect expect, String says) {}

    /** A case's own copy of the good run, and the fingerprints of its files before the command. */
    static final class Run {
        final Path dir;
        Map<String, String> before = Map.of();

        Run(Path dir) {
            this.dir = dir;
        }

        Path data(String name) {
            return dir.resolve("data").resolve(name);
        }

        Path frame(int epoch) {
            return dir.resolve("frames").resolve(String.format("combined-%06d.png", epoch));
        }

        Path movie() {
            return dir.resolve("movies/umap.mp4");
        }

        /** {@code command} with this run's folders and the small settings. */
        CliRun cli(String command, String... extra) {
            // --quiet: no progress lines, so what is left on stderr is the error alone
            List<String> args = new ArrayList<>(List.of(command, "--quiet"));
            if (!command.equals("encode")) {
                args.addAll(List.of("--data-dir", dir.resolve("data").toString()));
            }
            if (command.equals("render") || command.equals("all")) {
                args.addAll(List.of("--images-dir", dir.resolve("images").toString()));
            }
            if (!command.equals("prepare")) {
                args.addAll(List.of("--frames-dir", dir.resolve("frames").toString()));
            }
            if (command.equals("encode") || command.equals("all")) {
                args.addAll(List.of("--movie", movie().toString()));
            }
            if (command.equals("all")) {
                args.addAll(List.of("--html", dir.resolve("movies/umap.html").toString()));
            }
            if (command.equals("render") || command.equals("all")) {
                args.addAll(List.of("--pace", "epochs"));   // a frame per epoch: 7 frames, not 8 s of them
            }
            if (command.equals("prepare") || command.equals("all")) {
                List<String> given = List.of(extra);
                for (int i = 0; i < SMALL.length; i += 2) {
                    if (!given.contains(SMALL[i])) {
                        args.addAll(List.of(SMALL[i], SMALL[i + 1]));
                    }
                }
            }
            args.addAll(List.of(extra));
            return CliRun.of(args.toArray(String[]::new));
        }

        Path write(String name, String text) throws IOException {
            return Files.writeString(dir.resolve(name), text);
        }

        Path write(String name, byte[] bytes) throws IOException {
            return Files.write(dir.resolve(name), bytes);
        }
    }

    @BeforeAll
    void makeAGoodRun() throws Exception {
        template = tmp.resolve("template");
        Run good = new Run(template);
        CliRun run = good.cli("all");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @AfterAll
    void unmountAndReport() throws Exception {
        for (String mount : mounts) {
            new ProcessBuilder("umount", "-l", mount).inheritIO().start().waitFor();
        }
        System.out.println("reliability matrix: " + counts);
        assertThat(counts.getOrDefault("stack traces", 0)).isZero();
        assertThat(counts.getOrDefault("wrong results with exit 0", 0)).isZero();
        assertThat(counts.getOrDefault("good files lost", 0)).isZero();
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.category() + ": " + c.name(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        Run run;
        for (int attempt = 1; ; attempt++) {
            run = new Run(Files.createDirectories(tmp.resolve("case-" + caseNumber.incrementAndGet())));
            copy(template, run.dir);
            try {
                c.setup().prepare(run);
                break;
            } catch (KillRaced raced) {
                // the run finished in the moment between seeing it under way and the signal; a
                // fresh copy and another try, since a kill that never lands proves nothing
                if (attempt == KILL_TRIES) {
                    throw raced;
                }
            }
        }
        run.before = fingerprints(run.dir);
        CliRun result = c.action().run(run);
        count("cases");
        String err = result.err().strip();
        boolean stackTrace = err.contains("\tat ") || err.contains("Exception in thread");
        if (stackTrace) {
            count("stack traces");
        }
        switch (c.expect()) {
            case SUCCESS -> {
                assertThat(result.exitCode()).as(err).isZero();
                count("succeeded as they should");
            }
            case USAGE, FAILURE -> {
                if (result.exitCode() == 0) {
                    count("wrong results with exit 0");
                }
                List<String> lines = err.lines().toList();
                boolean usage = c.expect() == Expect.USAGE;
                assertThat(result.exitCode()).as(err).isEqualTo(usage ? 2 : 1);
                assertThat(lines).as(err).hasSize(usage ? 2 : 1);
                assertThat(lines.get(0)).startsWith("umap-anim: ").contains(c.says())
                        .as("names the file a user knows, not one in the making, and no library's advice")
                        .doesNotContain(org.umapanim.common.AtomicFiles.TEMP_PREFIX).doesNotContain("FFmpegLogCallback");
                if (usage) {
                    assertThat(lines.get(1)).startsWith("Try 'umap-anim");
                }
                count("clear one-line errors");
                if (usage) {
                    assertThat(fingerprints(run.dir)).as("a usage error touches nothing, stamps included")
                            .isEqualTo(run.before);
                }
                List<String> lost = lost(run);
                if (!lost.isEmpty()) {
                    count("good files lost");
                }
                assertThat(lost).as("good files lost or changed by a failed run").isEmpty();
            }
        }
        assertThat(stackTrace).as(err).isFalse();
        assertThat(leftovers(run.dir)).as("temporary files left behind").isEmpty();
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** Files of the good run that a failed command removed or changed. */
    private static List<String> lost(Run run) throws IOException {
        Map<String, String> after = fingerprints(run.dir);
        List<String> lost = new ArrayList<>();
        run.before.forEach((file, sha) -> {
            if (isOutput(file) && !sha.equals(after.get(file))) {
                lost.add(file);
            }
        });
        return lost;
    }

    private static boolean isOutput(String file) {
        return file.endsWith(".parquet") || file.endsWith(".png") || file.endsWith(".mp4");
    }

    // ---- the cases ----------------------------------------------------------------------------

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        inputs(cases);
        options(cases);
        stageFiles(cases);
        concurrency(cases);
        kills(cases);
        magnitudes(cases);
        memory(cases);
        fullDisk(cases);
        return cases;
    }

    private static Case prepareFails(String name, Setup setup, String file, String says) {
        return new Case("input", name, setup, r -> r.cli("prepare", "--input", r.dir.resolve(file).toString()),
                Expect.FAILURE, says);
    }

    private static void inputs(List<Case> cases) {
        cases.add(new Case("input", "missing file", r -> {},
                r -> r.cli("prepare", "--input", r.dir.resolve("nowhere.csv").toString()), Expect.FAILURE, "no such file"));
        cases.add(new Case("input", "a folder", r -> Files.createDirectory(r.dir.resolve("folder.csv")),
                r -> r.cli("prepare", "--input", r.dir.resolve("folder.csv").toString()), Expect.FAILURE, "is a folder"));
        cases.add(prepareFails("empty file", r -> r.write("empty.csv", ""), "empty.csv", "empty file"));
        cases.add(prepareFails("header only", r -> r.write("h.csv", "a,b,label\n"), "h.csv", "no data rows"));
        cases.add(prepareFails("ragged row", r -> r.write("r.csv", table(40) + "1,2\n"), "r.csv", "fields but the header has"));
        cases.add(prepareFails("NaN", r -> r.write("n.csv", table(40) + "NaN,1,a\n"), "n.csv", "not a finite number"));
        cases.add(prepareFails("infinity", r -> r.write("i.csv", table(40) + "1,inf,a\n"), "i.csv", "not a finite number"));
        cases.add(prepareFails("too large for a float", r -> r.write("l.csv", table(40) + "1e39,1,a\n"), "l.csv", "too large"));
        cases.add(prepareFails("not a number", r -> r.write("w.csv", table(40) + "one,1,a\n"), "w.csv", "is not a number"));
        cases.add(prepareFails("empty label", r -> r.write("e.csv", table(40) + "1,1,\n"), "e.csv", "empty label"));
        cases.add(prepareFails("unclosed quote", r -> r.write("q.csv", table(40) + "\"1,1,a\n"), "q.csv", "not closed"));
        cases.add(prepareFails("column twice", r -> r.write("d.csv", "a,a,label\n1,2,x\n"), "d.csv", "appears twice"));
        cases.add(prepareFails("not UTF-8", r -> r.write("u.csv", new byte[] {'a', ',', 'b', '\n', (byte) 0xff, ',', '1', '\n'}),
                "u.csv", "not UTF-8"));
        cases.add(prepareFails("corrupt gzip", r -> r.write("z.csv.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7}),
                "z.csv.gz", "gzip"));
        cases.add(prepareFails("fewer rows than neighbours", r -> r.write("s.csv", table(5)), "s.csv", "fewer than the neighbour count"));
        cases.add(prepareFails("text that calls itself Parquet", r -> r.write("t.parquet", "a,b\n1,2\n"), "t.parquet",
                "not a Parquet file"));
        cases.add(prepareFails("truncated Parquet", r -> {
            byte[] bytes = Files.readAllBytes(r.data("digits.parquet"));
            r.write("cut.parquet", Arrays.copyOf(bytes, bytes.length / 2));
        }, "cut.parquet", "truncated Parquet file"));
        cases.add(prepareFails("unknown format", r -> r.write("x.bin", "hello"), "x.bin", "unknown format"));
        cases.add(prepareFails("IDX with a wrong magic number", r -> {
            r.write("w-images-idx3-ubyte", idx(0x0804, 3, new byte[28 * 28 * 3]));
            r.write("w-labels-idx1-ubyte", labels(3));
        }, "w-images-idx3-ubyte", "magic"));
        cases.add(prepareFails("IDX cut short", r -> {
            r.write("c-images-idx3-ubyte", idx(0x0803, 50, new byte[28 * 28 * 20]));
            r.write("c-labels-idx1-ubyte", labels(50));
        }, "c-images-idx3-ubyte", "truncated"));
        cases.add(prepareFails("IDX header claiming a billion images", r -> {
            r.write("b-images-idx3-ubyte", idx(0x0803, 1_000_000_000, new byte[28 * 28 * 20]));
            r.write("b-labels-idx1-ubyte", labels(20));
        }, "b-images-idx3-ubyte", "truncated"));
        cases.add(prepareFails("IDX labels of another size", r -> {
            r.write("m-images-idx3-ubyte", idx(0x0803, 40, new byte[28 * 28 * 40]));
            r.write("m-labels-idx1-ubyte", labels(30));
        }, "m-images-idx3-ubyte", "labels but"));
        cases.add(prepareFails("IDX images without labels", r -> r.write("o-images-idx3-ubyte",
                idx(0x0803, 40, new byte[28 * 28 * 40])), "o-images-idx3-ubyte", "no IDX labels file"));
        cases.add(new Case("input", "CSV without the named label column", r -> r.write("k.csv", table(40)),
                r -> r.cli("prepare", "--input", r.dir.resolve("k.csv").toString(), "--label", "species"),
                Expect.FAILURE, "no label column 'species'"));
        cases.add(new Case("input", "a labelled CSV works", r -> r.write("ok.csv", table(60)),
                r -> r.cli("prepare", "--input", r.dir.resolve("ok.csv").toString()), Expect.SUCCESS, ""));
        cases.add(new Case("input", "constant rows work", r -> r.write("c.csv", "a,b\n" + "1,1\n".repeat(40)),
                r -> r.cli("prepare", "--input", r.dir.resolve("c.csv").toString()), Expect.SUCCESS, ""));
    }

    private static Case usage(String name, String says, String command, String... args) {
        return new Case("option", name, r -> {}, r -> r.cli(command, args), Expect.USAGE, says);
    }

    private static void options(List<Case> cases) {
        cases.add(usage("--crf 99 before any work in all", "--crf must be between 0 and 51", "all", "--crf", "99"));
        cases.add(usage("--fps 0", "--fps must be between 1 and 240", "encode", "--fps", "0"));
        cases.add(usage("--preset bogus", "--preset must be one of", "all", "--preset", "bogus"));
        cases.add(usage("--hold -1", "--hold must be between 0 and 3600", "encode", "--hold", "-1"));
        cases.add(usage("--threads 0", "--threads must be at least 1", "render", "--threads", "0"));
        cases.add(usage("--epochs 70000", "--epochs must be at most 65535", "prepare", "--epochs", "70000"));
        cases.add(usage("--epochs 0", "--epochs must be at least 1", "all", "--epochs", "0"));
        cases.add(usage("--neighbors 1", "--neighbors must be at least 2", "prepare", "--neighbors", "1"));
        cases.add(usage("--min-dist above --spread", "--min-dist", "prepare", "--min-dist", "3"));
        cases.add(usage("--spread 0", "--spread must be a positive number", "prepare", "--spread", "0"));
        cases.add(usage("--learning-rate 0", "--learning-rate must be a positive number", "all", "--learning-rate", "0"));
        cases.add(usage("--negative-sample-rate -1", "--negative-sample-rate must be 0 or more", "prepare",
                "--negative-sample-rate", "-1"));
        cases.add(usage("--limit -1", "--limit must not be negative", "prepare", "--limit", "-1"));
        cases.add(usage("--sample -5", "--sample must not be negative", "prepare", "--sample", "-5"));
        cases.add(usage("--sample more than the rows", "--sample asks for", "prepare", "--sample", "20000", "--limit", "0"));
        cases.add(usage("--dataset unknown", "--dataset must be mnist or fashion-mnist", "prepare", "--dataset", "cifar"));
        cases.add(usage("--mirror not http", "--mirror must be an http", "prepare", "--dataset", "mnist", "--mirror", "ftp://x/"));
        cases.add(usage("--sample beyond --limit", "--limit 50 keeps only the first 50", "prepare", "--sample", "100",
                "--limit", "50"));
        for (String column : List.of("x", "y", "index", "epoch")) {
            cases.add(new Case("option", "--label naming epochs.parquet's column " + column,
                    r -> r.write("l.csv", "a,b," + column + "\n" + "1,2,p\n3,4,q\n".repeat(30)),
                    r -> r.cli("prepare", "--input", r.dir.resolve("l.csv").toString(), "--label", column),
                    Expect.USAGE, "--label '" + column + "': epochs.parquet has its own columns"));
        }
        cases.add(new Case("option", "--view-epochs beyond the last epoch, before the viewer's stamp", r -> {},
                r -> CliRun.of("view", "--quiet", "--data-dir", r.dir.resolve("data").toString(), "--html",
                        r.dir.resolve("movies/umap.html").toString(), "--view-epochs", "0-5,500"),
                Expect.USAGE, "--view-epochs names epoch 500, beyond the last epoch, 6"));
        cases.add(usage("all --force --view-epochs beyond --epochs, before any work", "--view-epochs names epoch 500,"
                + " beyond the last epoch, 6", "all", "--force", "--view-epochs", "0-5,500"));
        cases.add(usage("--label not in the bundled sample", "--label names no column", "prepare", "--label", "x"));
        cases.add(new Case("option", "--verbose with --quiet", r -> {}, r -> CliRun.of("prepare", "--verbose", "--quiet"),
                Expect.USAGE, "--quiet contradicts --verbose"));
        cases.add(usage("--input with --dataset", "mutually exclusive", "prepare", "--input", "a.csv", "--dataset", "mnist"));
        cases.add(usage("unknown option", "Unknown option", "render", "--colour", "red"));
        cases.add(usage("a word for a number", "'many' is not an int", "all", "--epochs", "many"));
        cases.add(new Case("option", "no command at all", r -> {}, r -> CliRun.of(), Expect.USAGE, "Missing a command"));
    }

    private static void stageFiles(List<Case> cases) {
        cases.add(new Case("stage file", "render without epochs.parquet", r -> Files.delete(r.data("epochs.parquet")),
                r -> r.cli("render"), Expect.FAILURE, "epochs.parquet: does not exist"));
        cases.add(new Case("stage file", "render without digits.parquet", r -> Files.delete(r.data("digits.parquet")),
                r -> r.cli("render"), Expect.FAILURE, "digits.parquet: does not exist"));
        cases.add(new Case("stage file", "digits.parquet of another run", r -> {
            Run other = new Run(r.dir.resolve("other"));
            assertThat(other.cli("prepare", "--sample", "250", "--seed", "3").exitCode()).isZero();
            Files.copy(other.data("digits.parquet"), r.data("digits.parquet"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }, r -> r.cli("render"), Expect.FAILURE, "they come from different prepare runs"));
        for (String command : List.of("render", "view")) {
            cases.add(new Case("stage file", "metrics.parquet of another run: " + command, r -> {
                Run other = new Run(r.dir.resolve("other"));
                assertThat(other.cli("prepare", "--sample", "250", "--seed", "3").exitCode()).isZero();
                Files.copy(other.data("metrics.parquet"), r.data("metrics.parquet"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }, r -> command.equals("render") ? r.cli("render", "--metrics-inset")
                    : CliRun.of("view", "--quiet", "--data-dir", r.dir.resolve("data").toString(), "--html",
                            r.dir.resolve("movies/umap.html").toString()),
                    Expect.FAILURE, "metrics.parquet: does not belong with epochs.parquet: they come from different"
                    + " prepare runs"));
        }
        cases.add(new Case("stage file", "epochs.parquet cut short", r -> truncate(r.data("epochs.parquet")),
                r -> r.cli("render"), Expect.FAILURE, "truncated Parquet file"));
        cases.add(new Case("stage file", "epochs.parquet with a damaged page", r -> flipByte(r.data("epochs.parquet"), 300),
                r -> r.cli("render"), Expect.FAILURE, "corrupt Parquet data"));
        cases.add(new Case("stage file", "epochs.parquet with a damaged footer length", r -> {
            Path f = r.data("epochs.parquet");
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xEE000000), Files.size(f) - 8);
            }
        }, r -> r.cli("render"), Expect.FAILURE, "corrupt Parquet footer (it claims"));
        cases.add(new Case("stage file", "epochs.parquet that is digits.parquet",
                r -> Files.copy(r.data("digits.parquet"), r.data("epochs.parquet"), java.nio.file.StandardCopyOption.REPLACE_EXISTING),
                r -> r.cli("render"), Expect.FAILURE, "missing column"));
        cases.add(new Case("stage file", "epochs.parquet is a folder", r -> {
            Files.delete(r.data("epochs.parquet"));
            Files.createDirectory(r.data("epochs.parquet"));
        }, r -> r.cli("render"), Expect.FAILURE, "is not a regular file"));
        cases.add(new Case("stage file", "a frame missing: encode", r -> Files.delete(r.frame(3)),
                r -> r.cli("encode"), Expect.FAILURE, "frame missing"));
        cases.add(new Case("stage file", "a frame damaged: encode", r -> truncate(r.frame(2)),
                r -> r.cli("encode"), Expect.FAILURE, "combined-000002.png"));
        cases.add(new Case("stage file", "a frame damaged: all redraws it", r -> truncate(r.frame(2)),
                r -> r.cli("all"), Expect.SUCCESS, ""));
        cases.add(new Case("stage file", "frames of an unfinished render: encode refuses", r -> {
            Path stamp = r.dir.resolve("frames/.render.stamp");
            Files.writeString(stamp, Files.readString(stamp).replace("complete=true", "complete=false"));
        }, r -> r.cli("encode"), Expect.FAILURE, "a render that did not finish"));
        cases.add(new Case("stage file", "--movie names a folder", r -> Files.createDirectories(r.dir.resolve("movies/m.mp4")),
                r -> CliRun.of("encode", "--frames-dir", r.dir.resolve("frames").toString(), "--movie",
                        r.dir.resolve("movies/m.mp4").toString()), Expect.FAILURE, "is a folder"));
        cases.add(new Case("stage file", "--data-dir is a file", r -> r.write("afile", "x"),
                r -> CliRun.of("prepare", "--data-dir", r.dir.resolve("afile").toString(), "--limit", "100"),
                Expect.FAILURE, "is a file, not a folder"));
        cases.add(new Case("stage file", "--frames-dir is a file", r -> r.write("ffile", "x"),
                r -> CliRun.of("render", "--data-dir", r.dir.resolve("data").toString(), "--frames-dir",
                        r.dir.resolve("ffile").toString(), "--images-dir", r.dir.resolve("images").toString()),
                Expect.FAILURE, "is a file, not a folder"));
        cases.add(new Case("stage file", "encode without a frames folder", r -> {},
                r -> CliRun.of("encode", "--frames-dir", r.dir.resolve("nothing").toString(), "--movie", r.movie().toString()),
                Expect.FAILURE, "no such folder"));
        cases.add(new Case("stage file", "a stamp deleted: all redoes and succeeds",
                r -> Files.delete(r.dir.resolve("data/.prepare.stamp")), r -> r.cli("all"), Expect.SUCCESS, ""));
    }

    private void concurrency(List<Case> cases) {
        cases.add(new Case("concurrency", "encode while a render holds the frames", r -> {}, r -> {
            try (FileChannel channel = FileChannel.open(r.dir.resolve("frames/.umap-anim.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock held = channel.lock()) {
                return r.cli("encode");
            }
        }, Expect.FAILURE, "another umap-anim run is writing here"));
        cases.add(new Case("concurrency", "prepare while another holds the data folder", r -> {}, r -> {
            try (FileChannel channel = FileChannel.open(r.dir.resolve("data/.umap-anim.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock held = channel.lock()) {
                return r.cli("prepare");
            }
        }, Expect.FAILURE, "another umap-anim run is writing here"));
    }

    /**
     * Runs killed in each stage — the JVM with SIGKILL, and the PID {@code ./umap-anim} was started
     * as with each signal a user or a supervisor sends — then finished by {@code all}: the result
     * must be the good run's, frame for frame and byte for byte.
     */
    private void kills(List<Case> cases) {
        cases.add(new Case("kill", "all killed during prepare, then all", r -> killDuring(r, "all",
                () -> stampIncomplete(r.dir.resolve("data/.prepare.stamp")), null),
                this::finishedLikeTheGoodRun, Expect.SUCCESS, ""));
        cases.add(new Case("kill", "render killed, then all", r -> {
            Files.delete(r.frame(4));
            Files.delete(r.dir.resolve("frames/.render.stamp"));
            killDuring(r, "render", () -> stampIncomplete(r.dir.resolve("frames/.render.stamp")), null);
        }, this::finishedLikeTheGoodRun, Expect.SUCCESS, ""));
        cases.add(new Case("kill", "encode killed, then all", r -> {
            Files.delete(r.movie());
            killDuring(r, "encode", () -> hasTemporary(r.dir.resolve("movies")), null);
        }, this::finishedLikeTheGoodRun, Expect.SUCCESS, ""));
        for (String signal : List.of("TERM", "INT", "HUP", "KILL")) {
            cases.add(new Case("kill", "kill -s " + signal + " of ./umap-anim's PID during prepare, then all",
                    r -> killDuring(r, "all", () -> stampIncomplete(r.dir.resolve("data/.prepare.stamp")), signal),
                    this::finishedLikeTheGoodRun, Expect.SUCCESS, ""));
        }
    }

    /**
     * Blobs scaled by a power of ten far from 1 are measured as the same blobs brought near 1 by a
     * power of two, which the kNN and the layout treat bit for bit alike: the same layout, so the
     * same measures (within 0.01).
     */
    private static void magnitudes(List<Case> cases) {
        for (double scale : new double[] {1e19, 1e30, 1e-30}) {
            cases.add(new Case("measures", "data × " + scale + " are measured as the data near 1", r -> {
                float[] scaled = blobs(scale);
                float max = 0;
                for (float v : scaled) {
                    max = Math.max(max, Math.abs(v));
                }
                float[] near = new float[scaled.length];
                for (int i = 0; i < scaled.length; i++) {
                    near[i] = Math.scalb(scaled[i], -Math.getExponent(max));
                }
                r.write("near.csv", csv(near));
                r.write("scaled.csv", csv(scaled));
            }, r -> {
                Run near = new Run(r.dir.resolve("near"));
                CliRun first = near.cli("prepare", "--input", r.dir.resolve("near.csv").toString());
                assertThat(first.exitCode()).as(first.err()).isZero();
                CliRun run = r.cli("prepare", "--input", r.dir.resolve("scaled.csv").toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
                var expected = org.umapanim.store.MetricsReader.read(near.data("metrics.parquet")).epochs();
                var actual = org.umapanim.store.MetricsReader.read(r.data("metrics.parquet")).epochs();
                assertThat(actual).hasSameSizeAs(expected);
                for (int e = 0; e < expected.size(); e++) {
                    assertThat(actual.get(e).trustworthiness()).as("trustworthiness, epoch %d", e)
                            .isCloseTo(expected.get(e).trustworthiness(), org.assertj.core.api.Assertions.within(0.01));
                    assertThat(actual.get(e).neighbourPreservation()).as("neighbours kept, epoch %d", e)
                            .isCloseTo(expected.get(e).neighbourPreservation(), org.assertj.core.api.Assertions.within(0.01));
                }
                return run;
            }, Expect.SUCCESS, ""));
        }
    }

    /** 400 rows of 8 columns in four blobs, every value × {@code scale}. */
    private static float[] blobs(double scale) {
        java.util.Random random = new java.util.Random(19);
        float[] values = new float[400 * 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (((i / 8) % 4 * 4 + random.nextGaussian()) * scale);
        }
        return values;
    }

    /** {@code values} as a labelled CSV of 8 columns, every float written so that it reads back the same. */
    private static String csv(float[] values) {
        StringBuilder text = new StringBuilder("a,b,c,d,e,f,g,h,label\n");
        for (int row = 0; row < values.length / 8; row++) {
            for (int c = 0; c < 8; c++) {
                text.append(values[row * 8 + c]).append(',');
            }
            text.append("b").append(row % 4).append('\n');
        }
        return text.toString();
    }

    private CliRun finishedLikeTheGoodRun(Run r) throws Exception {
        CliRun run = r.cli("all");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (int epoch = 0; epoch <= 6; epoch++) {
            assertThat(Files.readAllBytes(r.frame(epoch))).as("frame %d", epoch)
                    .isEqualTo(Files.readAllBytes(new Run(template).frame(epoch)));
        }
        assertThat(Files.readAllBytes(r.movie())).isEqualTo(Files.readAllBytes(new Run(template).movie()));
        return run;
    }

    private static boolean stampIncomplete(Path stamp) throws IOException {
        return Files.exists(stamp) && Files.readString(stamp).contains("complete=false");
    }

    private static boolean hasTemporary(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-"));
        }
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws IOException;
    }

    /**
     * Starts {@code command} and, as soon as {@code during} holds, kills it: a second JVM with
     * SIGKILL when {@code signal} is null, else {@code ./umap-anim} (the real launcher) with
     * {@code kill -s signal} of its PID. Fails unless the kill landed mid-run (the child alive and
     * {@code during} holding when it was sent, and still after), and, for the launcher, unless its
     * PID and every Java process of the run are gone within 2 s with nothing from a shell on stderr.
     */
    /** Tries of a kill case whose run keeps finishing before the signal lands. */
    private static final int KILL_TRIES = 3;

    /** A kill that came too late: the run had finished its step when the signal arrived. */
    private static final class KillRaced extends AssertionError {
        KillRaced(String message) {
            super(message);
        }
    }

    private void killDuring(Run r, String command, Condition during, String signal) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--data-dir", r.dir.resolve("data").toString(), "--frames-dir", r.dir.resolve("frames").toString(),
                "--images-dir", r.dir.resolve("images").toString(), "--movie", r.movie().toString(),
                "--html", r.dir.resolve("movies/umap.html").toString()));
        if (command.equals("prepare") || command.equals("all")) {
            args.addAll(List.of(SMALL));
            args.add("--force");
        }
        if (command.equals("render") || command.equals("all")) {
            args.addAll(List.of("--pace", "epochs"));
        }
        if (!command.equals("all")) {
            args.removeAll(List.of("--html", r.dir.resolve("movies/umap.html").toString()));
        }
        if (command.equals("render")) {
            args.removeAll(List.of("--movie", r.movie().toString()));
        }
        if (command.equals("encode")) {
            args.removeAll(List.of("--data-dir", r.dir.resolve("data").toString(), "--images-dir", r.dir.resolve("images").toString()));
        }
        List<String> line = new ArrayList<>();
        if (signal == null) {
            line.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        } else {
            line.add(launcher().home.resolve("umap-anim").toString());
        }
        line.addAll(args);
        Path log = r.dir.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_OPTS");
        Process child = builder.start();
        boolean alive;
        boolean held;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!during.holds() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            held = during.holds();
            alive = child.isAlive();
            if (signal == null) {
                child.destroyForcibly();
            } else {
                LauncherSignalsTest.signal(child.pid(), signal);
            }
        } finally {
            if (!child.waitFor(2, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                throw new AssertionError(command + " was still running 2 s after kill -s " + signal);
            }
        }
        String said = Files.readString(log);
        assertThat(alive && held).as("the kill landed mid-run (alive %s, under way %s): %s", alive, held, said).isTrue();
        if (!during.holds()) {
            throw new KillRaced("the run was cut short, not finished: " + said);
        }
        if (signal != null) {
            assertThat(LauncherSignalsTest.javaProcessesOf(r.dir)).as("no Java process of the run left").isEmpty();
            assertThat(said).as("no shell noise").doesNotContainPattern("line \\d+|Killed|Terminated|Hangup")
                    .doesNotContain("WARNING: Using incubator modules");
        }
        Files.delete(log);
    }

    private Launcher launcher;

    /** The real launcher, installed once for the signal cases. */
    private synchronized Launcher launcher() throws IOException {
        if (launcher == null) {
            launcher = Launcher.installIn(tmp.resolve("launcher"));
        }
        return launcher;
    }

    /** The bundled digits need 31 MB of floats; a 24 MB heap cannot hold them. */
    private static void memory(List<Case> cases) {
        cases.add(new Case("memory", "more data than the heap holds", r -> {}, r -> {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx24m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "prepare", "--quiet", "--data-dir", r.dir.resolve("data").toString()).start();
            String out = new String(child.getInputStream().readAllBytes());
            String err = new String(child.getErrorStream().readAllBytes());
            return new CliRun(child.waitFor(), out, err);
        }, Expect.FAILURE, "out of memory: the data needs more than"));
    }

    /** A disk that fills up: a small tmpfs (as root); outside CI the cases are skipped where none can be mounted. */
    private void fullDisk(List<Case> cases) {
        cases.add(new Case("full disk", "prepare runs out of space; the good pair stays", r -> {
            Path data = r.dir.resolve("data");
            long used = folderSize(data);
            remount(data, used + 100_000);
        }, r -> r.cli("prepare", "--limit", "3000"), Expect.FAILURE, "no space left on device"));
        cases.add(new Case("full disk", "render runs out of space", r -> {
            Path frames = r.dir.resolve("frames");
            Files.delete(r.dir.resolve("frames/.render.stamp"));
            remount(frames, folderSize(frames) + 4096);
        }, r -> r.cli("render"), Expect.FAILURE, "no space left on device"));
        cases.add(new Case("full disk", "encode runs out of space; the movie stays", r -> {
            Path movies = r.dir.resolve("movies");
            remount(movies, folderSize(movies) + 4096);
        }, r -> r.cli("encode", "--crf", "10"), Expect.FAILURE, "no space left on device"));
    }

    /** Replaces {@code dir} by a tmpfs of {@code bytes} holding the same files. */
    private void remount(Path dir, long bytes) throws Exception {
        Path saved = Files.move(dir, dir.resolveSibling(dir.getFileName() + "-saved"));
        Files.createDirectory(dir);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + Math.max(bytes, 8192), "tmpfs",
                dir.toString()).redirectErrorStream(true).start();
        boolean mounted = mount.waitFor() == 0;
        String why = "cannot mount a small tmpfs here (needs root): " + new String(mount.getInputStream().readAllBytes()).strip();
        if (System.getenv("CI") != null) {
            assertThat(mounted).as(why).isTrue();   // CI runs as root: there a skip would hide the cases
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted, why);
        mounts.add(dir.toString());
        copy(saved, dir);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A small labelled table of {@code rows} rows in two clusters. */
    private static String table(int rows) {
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < rows; i++) {
            text.append(String.format(Locale.ROOT, "%d.%d,%d,%s%n", i % 2 * 10, i % 7, i % 5, i % 2 == 0 ? "x" : "y"));
        }
        return text.toString();
    }

    private static byte[] idx(int magic, int count, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(28);
        out.writeInt(28);
        out.write(pixels);
        return bytes.toByteArray();
    }

    private static byte[] labels(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0801);
        out.writeInt(count);
        out.write(new byte[count]);
        return bytes.toByteArray();
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static void flipByte(Path file, int at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= 0x5A;
        Files.write(file, bytes);
    }

    /** What the files in {@code dir} take on a tmpfs, which allocates whole 4 KiB pages. */
    private static long folderSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> (f.toFile().length() + 4095) / 4096 * 4096).sum();
        }
    }

    private static Map<String, String> fingerprints(Path dir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            // the lock file is empty and holds nothing; taking the lock is not a change
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(".umap-anim.lock"))::iterator) {
                sums.put(dir.relativize(f).toString(), Checksums.sha256(f));
            }
        }
        return sums;
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals(".umap-anim.lock")) {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
