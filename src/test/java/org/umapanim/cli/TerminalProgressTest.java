package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress as a user sees it: in a real pseudo-terminal (util-linux's {@code script}), not by
 * reading the code. Bars with colour on a UTF-8 terminal, ASCII under {@code LANG=C}, no colour
 * under {@code NO_COLOR}, plain lines when stderr goes to a file even though stdout is a terminal.
 */
class TerminalProgressTest {
    /** A prepare of 600 rows takes about 2 s. */
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    /** Runs {@code prepare} on a pseudo-terminal; returns everything the terminal showed. */
    private String onTerminal(Map<String, String> env, String redirect) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no script(1) to make a pseudo-terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of(java, "-Djava.awt.headless=true", "-cp",
                "'" + System.getProperty("java.class.path") + "'", Main.class.getName(), "prepare", "--limit", "600",
                "--epochs", "30", "--data-dir", tmp.resolve("data").toString())) + redirect;
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(env);
        Process script = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = script.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // the process was killed: what was read so far is in the failure message
            }
        });
        reader.start();
        // A hung child must fail this test, not hold CI until its deadline.
        if (!script.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            String threads = threadDumps(script);
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
            reader.join(5_000);
            fail("prepare on a pseudo-terminal did not end within " + LIMIT + "; it showed:\n"
                    + output.toString(StandardCharsets.UTF_8) + "\n" + threads);
        }
        reader.join(LIMIT.toMillis());
        String shown = output.toString(StandardCharsets.UTF_8);
        assertThat(script.exitValue()).as(shown).isZero();
        return shown;
    }

    /** Where a hung Java child stands: its threads' stacks, so a hang in CI says where it is. */
    private static String threadDumps(Process script) throws Exception {
        String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
        StringBuilder dumps = new StringBuilder();
        for (ProcessHandle child : script.descendants().toList()) {
            if (child.info().command().orElse("").endsWith("java")) {
                Process dump = new ProcessBuilder(jstack, Long.toString(child.pid())).redirectErrorStream(true).start();
                dumps.append(new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return dumps.toString();
    }

    /** A bar redraws its line with a bare carriage return (the terminal turns each newline into "\r\n"). */
    private static boolean rewritesItsLine(String shown) {
        return shown.matches("(?s).*\r(?!\n).*");
    }

    @Test
    void aUtf8TerminalGetsColouredBlockBars() throws Exception {
        String shown = onTerminal(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"), "");
        assertThat(rewritesItsLine(shown)).isTrue();
        assertThat(shown).contains("█", "\u001b[", "epochs").doesNotContain("epochs: 3/30 (10%)");
    }

    @Test
    void noColorKeepsTheBarsButNotTheColours() throws Exception {
        String shown = onTerminal(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8", "NO_COLOR", "1"), "");
        assertThat(rewritesItsLine(shown)).isTrue();
        assertThat(shown).contains("█").doesNotContain("\u001b[");
    }

    @Test
    void aLocaleWithoutUnicodeGetsAsciiBars() throws Exception {
        String shown = onTerminal(Map.of("LANG", "C", "LC_ALL", "C"), "");
        assertThat(rewritesItsLine(shown)).isTrue();
        assertThat(shown).contains("=").doesNotContain("█", "?????");
    }

    @Test
    void stderrToAFileGetsPlainLinesWhileStdoutStaysOnTheTerminal() throws Exception {
        Path log = tmp.resolve("run.log");
        String shown = onTerminal(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"), " 2>" + log);
        String logged = Files.readString(log);
        assertThat(logged).containsPattern("epochs: 3/30 \\(10%\\), [0-9.,]+/s, [0-9]+ s to go")
                .doesNotContain("\r", "\u001b[");
        assertThat(shown).contains("prepare: done");
        assertThat(rewritesItsLine(shown)).isFalse();
    }
}
