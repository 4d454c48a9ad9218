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
record Terminal(boolean interactive, boolean unicode, boolean colour, int columns) {
    /** Set by the launcher: whether file descriptor 2 is a terminal. */
    static final String PROPERTY = "umap-anim.stderr-terminal";
    /** Set by the launcher: the terminal's width. */
    static final String COLUMNS = "umap-anim.stderr-columns";
    private static final int DEFAULT_COLUMNS = 80;

    static Terminal ofStderr() {
        boolean interactive = stderrIsATerminal();
        // Java 17 encodes System.err in the locale's charset: under LANG=C a block '█' prints as '?'
        String encoding = System.getProperty("sun.stderr.encoding", Charset.defaultCharset().name());
        boolean unicode = Charset.isSupported(encoding) && Charset.forName(encoding).newEncoder().canEncode('█');
        // https://no-color.org: any non-empty NO_COLOR turns colour off
        String noColor = System.getenv("NO_COLOR");
        boolean colour = interactive && (noColor == null || noColor.isEmpty());
        return new Terminal(interactive, unicode, colour, measuredColumns());
    }

    /**
     * The width the launcher measured, else {@code $COLUMNS}, else 80. Never asked of the terminal
     * from Java: the progress bar library would build a JLine system terminal for it, which takes
     * over stdin and runs {@code stty}. A CI run hung for its whole 90 minutes in the test that runs
     * us on a pseudo-terminal, and that probe is the one thing there that talks to the terminal.
     */
    private static int measuredColumns() {
        for (String told : new String[] {System.getProperty(COLUMNS), System.getenv("COLUMNS")}) {
            try {
                if (told != null && Integer.parseInt(told.trim()) >= 20) {
                    return Integer.parseInt(told.trim());
                }
            } catch (NumberFormatException e) {
                // not a width: try the next source
            }
        }
        return DEFAULT_COLUMNS;
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
