package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's Python with Debian's numpy, h5py and anndata ({@code .ci/run} installs them), so the
 * test files are written by the libraries their users write them with. Without the modules a test
 * is skipped on a developer's machine and fails under CI.
 */
public final class Python {
    /** Debian's interpreter, where its python3-* packages live, before any other python3 on the PATH. */
    private static final String EXE = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    private Python() {}

    /** Skips (fails under CI) unless every module imports. */
    public static void require(String... modules) throws Exception {
        String script = "import " + String.join(", ", modules);
        boolean present;
        try {
            Process p = new ProcessBuilder(EXE, "-c", script).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor() == 0;
        } catch (java.io.IOException e) {
            present = false;
        }
        String why = "Python modules " + List.of(modules) + " are not installed (apt-get install "
                + String.join(" ", List.of(modules).stream().map(m -> "python3-" + m).toList()) + ")";
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(present, why);
        }
        assertThat(present).as(why).isTrue();
    }

    /** Runs {@code script} in {@code dir}; fails the test with Python's output if it fails. */
    public static void run(Path dir, String script) throws Exception {
        Path file = dir.resolve("write.py");
        Files.writeString(file, script);
        Process p = new ProcessBuilder(EXE, file.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
