package org.umapanim.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.AtomicFiles;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a process that keeps writing both files at random moments: the targets must each be
 * absent or complete, and anything else in the folder a recognisable temporary file.
 */
class InterruptedWriteTest {
    @TempDir
    Path dir;

    @TempDir
    Path warmUp;

    @Test
    void killingAWriterNeverLeavesATruncatedParquetFile() throws Exception {
        Random random = new Random();
        Path digits = dir.resolve("digits.parquet"), epochs = dir.resolve("epochs.parquet");
        int killedMidWrite = 0;
        Path stderr = Files.createTempFile("keep-writing", ".err");
        stderr.toFile().deleteOnExit();
        try (Duck duck = new Duck()) {
            for (int round = 0; round < 3; round++) {
                Process child = start(stderr);
                try {
                    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                    assertThat(out.readLine()).as("child's first line").isEqualTo("writing");
                    Thread.sleep(random.nextInt(1500));
                } finally {
                    child.destroyForcibly();
                    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
                }
                // Hadoop and Parquet kept quiet: nothing on stderr in normal use
                assertThat(Files.readString(stderr)).isEmpty();
                List<Path> others;
                try (Stream<Path> files = Files.list(dir)) {
                    others = files.filter(f -> !f.equals(digits) && !f.equals(epochs)).toList();
                }
                assertThat(others).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith(AtomicFiles.TEMP_PREFIX));
                killedMidWrite += others.size();
                others.forEach(f -> f.toFile().delete());   // as the CLI will

                if (Files.exists(epochs)) {
                    {
            EpochsReader reader = EpochsReader.open(epochs);
                        assertThat(reader.points()).isEqualTo(KeepWriting.POINTS);
                        assertThat(reader.lastEpoch()).isEqualTo(KeepWriting.EPOCHS);
                        int[] seen = {0};
                        reader.forEachEpoch((e, xy) -> seen[0]++);
                        assertThat(seen[0]).isEqualTo(KeepWriting.EPOCHS + 1);
                    }
                }
                if (Files.exists(digits)) {
                    assertThat(duck.one("SELECT count(*) FROM read_parquet(" + Duck.quote(digits) + ")"))
                            .isEqualTo((long) KeepWriting.DIGITS);
                }
            }
        }
        // the kills did land while files were being written (else this proved nothing)
        assertThat(killedMidWrite).isPositive();
    }

    private Process start(Path stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KeepWriting.class.getName(), dir.toString(), warmUp.toString())
                .redirectError(stderr.toFile())
                .start();
    }
}
