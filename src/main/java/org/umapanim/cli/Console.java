package org.umapanim.cli;

import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.umapanim.common.Progress;

/** What a command tells the user: progress on stderr, the summary on stdout, nothing with --quiet. */
final class Console {
    private final CommonOptions options;
    private final PrintStream out = System.out;

    Console(CommonOptions options) {
        this.options = options;
        if (options.verbose && options.quiet) {
            throw new IllegalArgumentException("--verbose and --quiet contradict each other; give one");
        }
        configureLibraryLogging(options.verbose);
    }

    /** Hadoop and Parquet log through SLF4J to java.util.logging: only their real problems show. */
    private static void configureLibraryLogging(boolean verbose) {
        Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
        for (Logger noisy : NOISY) {
            noisy.setLevel(verbose ? Level.INFO : Level.SEVERE);
        }
    }

    // Held here because java.util.logging keeps loggers weakly: a level set on a dropped one is lost.
    private static final Logger[] NOISY = {Logger.getLogger("org.apache.hadoop"), Logger.getLogger("org.apache.parquet")};

    Progress progress() {
        return ConsoleProgress.forConsole(options.quiet);
    }

    void report(StepReport report) {
        if (!options.quiet) {
            report.print(out);
        }
    }

    void finished(long startedNanos) {
        if (!options.quiet) {
            out.printf("total:   %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
        }
    }
}
