package org.umapanim.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What standard error, where progress goes, can show. Java 17 cannot ask whether stderr is a
 * terminal ({@code System.console()} speaks of stdin and stdout, so {@code 2>run.log} on a
 * terminal got bars full of carriage returns): the launcher tells (its {@code [ -t 2 ]}), else
 * Linux's {@code /proc} does.
 */
record Terminal(boolean interactive, boolean unicode, boolean colour) {
    /** Set by the launcher: whether file descriptor 2 is a terminal. */
    static final String PROPERTY = "umap-anim.stderr-terminal";

    static Terminal ofStderr() {
        boolean interactive = stderrIsATerminal();
        // Java 17 encodes System.err in the locale's charset: under LANG=C a block '█' prints as '?'
        String encoding = System.getProperty("sun.stderr.encoding", Charset.defaultCharset().name());
        boolean unicode = Charset.isSupported(encoding) && Charset.forName(encoding).newEncoder().canEncode('█');
        // https://no-color.org: any non-empty NO_COLOR turns colour off
        String noColor = System.getenv("NO_COLOR");
        boolean colour = interactive && (noColor == null || noColor.isEmpty());
        return new Terminal(interactive, unicode, colour);
    }

    private static boolean stderrIsATerminal() {
        String told = System.getProperty(PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;   // not Linux: the best Java 17 can say
        }
    }
}
