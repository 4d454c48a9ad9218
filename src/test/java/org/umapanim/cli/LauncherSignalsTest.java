package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.umapanim.common.Checksums;

/**
 * {@code kill PID} of the launcher a user started stops the run: the PID {@code ./umap-anim}
 * was started as must be the Java process itself, so TERM, INT, HUP and KILL reach the work, the
 * folder's lock is free at once, the good outputs stay (or the next run resumes), and no shell
 * is left to report how Java died.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherSignalsTest {
    private static final String[] GOOD = {"--limit", "300", "--epochs", "6", "--threads", "2"};
    private static final String[] LONG = {"--limit", "4000", "--epochs", "200", "--threads", "2"};
    private static final List<String> OUTPUTS = List.of("digits.parquet", "epochs.parquet", "metrics.parquet");

    @TempDir
    static Path tmp;

    private Launcher launcher;
    private Path input;

    @BeforeAll
    void install() throws IOException {
        launcher = Launcher.installIn(tmp.resolve("install"));
        input = tmp.resolve("blobs.csv");
        Files.writeString(input, blobs(4000, 24));
    }

    @ParameterizedTest(name = "kill -s {0} of the launcher's PID")
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129", "KILL, 137"})
    void aSignalToTheLaunchersPidStopsTheRun(String signal, int exitCode) throws Exception {
        Path data = tmp.resolve("data-" + signal.toLowerCase(Locale.ROOT));
        CliRun good = launcher.run(prepare(data, GOOD));
        assertThat(good.exitCode()).as(good.err()).isZero();
        Map<String, String> goodSet = outputs(data);
        assertThat(goodSet).hasSize(3);

        Launcher.Child child = launcher.start(prepare(data, LONG));
        assertThat(ignored(child.pid(), signal)).as("the launcher started with %s ignored, which env --default-signal"
                + " should have undone", signal).isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!child.errSoFar().contains("kNN: ") && child.process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.process.isAlive()).as("the run is under way when it is signalled: " + child.errSoFar()).isTrue();
        assertThat(javaProcessesOf(data)).as("the PID the launcher was started as is the run's Java")
                .containsExactly(child.pid());
        signal(child.pid(), signal);

        assertThat(child.process.waitFor(2, TimeUnit.SECONDS)).as("the launcher's PID ends within 2 s").isTrue();
        assertThat(javaProcessesOf(data)).as("no Java process of the run left").isEmpty();
        assertThat(child.errClosedWithin(2000)).as("stderr closed: nothing of the run holds it").isTrue();
        assertThat(child.process.exitValue()).isEqualTo(exitCode);
        String err = child.err();
        assertThat(err).as("no shell noise").doesNotContainPattern("line \\d+|Killed|Terminated|Hangup|Interrupt")
                .doesNotContain("WARNING: Using incubator modules");
        assertThat(stampIncomplete(data) || hasTemporary(data)).as("the signal landed mid-run").isTrue();
        Map<String, String> after = outputs(data);
        after.forEach((file, sha) -> assertThat(sha).as("%s is the previous good one, not half of another", file)
                .isEqualTo(goodSet.get(file)));

        CliRun next = launcher.run(prepare(data, LONG));
        assertThat(next.exitCode()).as("the lock is free and the run resumes: " + next.err()).isZero();
        assertThat(outputs(data)).hasSize(3);
        try (Stream<Path> cds = Files.list(launcher.home.resolve("target/cds"))) {
            assertThat(cds.map(p -> p.getFileName().toString()))
                    .as("the classes recorded by a good run are kept, a killed run's are not").containsExactly("prepare.jsa");
        }
    }

    private String[] prepare(Path data, String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of("prepare", "--input", input.toString(), "--data-dir",
                data.toString()));
        args.addAll(List.of(settings));
        return args.toArray(String[]::new);
    }

    /** The Java processes (not the launcher's stderr filter) whose command line names {@code data}. */
    static List<Long> javaProcessesOf(Path data) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Whether {@code pid} started with {@code signal} ignored (Linux: /proc/PID/status). */
    private static boolean ignored(long pid, String signal) throws IOException {
        int number = switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "KILL" -> 9;
            default -> 15;
        };
        String mask = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).findFirst().orElseThrow().substring(7).strip();
        return (Long.parseUnsignedLong(mask, 16) & (1L << (number - 1))) != 0;
    }

    private static Map<String, String> outputs(Path data) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String name : OUTPUTS) {
            Path f = data.resolve(name);
            if (Files.exists(f)) {
                sums.put(name, Checksums.sha256(f));
            }
        }
        return sums;
    }

    static boolean stampIncomplete(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".stamp")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains("complete=false");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    static boolean hasTemporary(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-"));
        }
    }

    /** {@code rows} rows of {@code columns} numbers in five blobs, labelled. */
    private static String blobs(int rows, int columns) {
        java.util.Random random = new java.util.Random(29);
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            text.append('c').append(c).append(',');
        }
        text.append("label\n");
        for (int r = 0; r < rows; r++) {
            int blob = r % 5;
            for (int c = 0; c < columns; c++) {
                text.append(String.format(Locale.ROOT, "%.3f,", blob * 3 + random.nextGaussian()));
            }
            text.append("b").append(blob).append('\n');
        }
        return text.toString();
    }
}
