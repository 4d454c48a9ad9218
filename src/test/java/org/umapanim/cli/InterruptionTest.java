package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed mid-stage, and two runs at once, each in a real second JVM. */
class InterruptionTest {
    @TempDir
    Path tmp;

    private List<String> all() {
        return List.of("all", "--limit", "800", "--epochs", "60", "--threads", "1", "--pace", "epochs",
                "--data-dir", tmp.resolve("data").toString(), "--frames-dir", tmp.resolve("frames").toString(),
                "--images-dir", tmp.resolve("images").toString(), "--movie", tmp.resolve("movies/umap.mp4").toString());
    }

    private Process startChild() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(all());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    /** Waits until the child has drawn some frames but not all, i.e. it is in the middle of render. */
    private void awaitFrames(Process child, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (frameCount() < atLeast) {
            assertThat(child.isAlive()).as("child ended early: " + Files.readString(tmp.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime()).as("child too slow").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private long frameCount() throws IOException {
        return Frames.count(tmp.resolve("frames"));
    }

    @Test
    void aRunKilledDuringRenderIsFinishedByTheNextWithoutRedoingWhatWasDone() throws Exception {
        Process child = startChild();
        try {
            awaitFrames(child, 5);
        } finally {
            child.destroyForcibly().waitFor();
        }
        long drawnBeforeKill = frameCount();
        assertThat(drawnBeforeKill).as("killed mid-render").isLessThan(61);
        assertThat(tmp.resolve("movies/umap.mp4")).doesNotExist();
        Map<String, String> embedding = FileIdentities.embedding(tmp.resolve("data"));
        Map<String, String> drawn = FileIdentities.of(Frames.in(tmp.resolve("frames")));

        CliRun run = CliRun.of(all().toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(FileIdentities.embedding(tmp.resolve("data"))).as("prepare's files kept as they were")
                .isEqualTo(embedding);
        Map<String, String> after = FileIdentities.of(Frames.in(tmp.resolve("frames")));
        assertThat(after).as("the frames drawn before the kill kept, not drawn again").containsAllEntriesOf(drawn);
        assertThat(frameCount()).isEqualTo(61);
        assertThat(tmp.resolve("movies/umap.mp4")).isNotEmptyFile();
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(".tmp-"))).isEmpty();
        }
    }

    @Test
    void aSecondRunOnTheSameFoldersRefuses() throws Exception {
        Process child = startChild();
        try {
            awaitFrames(child, 1);
            CliRun second = CliRun.of(all().toArray(String[]::new));
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err().strip()).startsWith("umap-anim: ").contains("another umap-anim run").doesNotContain("\n");
            assertThat(child.isAlive()).isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }
    }
}
