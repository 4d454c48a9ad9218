package org.umapanim.cli;

import java.io.PrintStream;
import org.umapanim.common.LibraryLogs;
import org.umapanim.common.SettingProblem;
import org.umapanim.pipeline.Folders;
import org.umapanim.pipeline.Pipeline;
import org.umapanim.pipeline.StageReport;

/** What a command tells the user: progress on stderr, the summary on stdout, nothing with --quiet. */
final class Console {
    private final CommonOptions options;
    private final PrintStream out = System.out;
    private final long started = System.nanoTime();

    Console(CommonOptions options) {
        this.options = options;
        if (options.verbose && options.quiet) {
            throw new SettingProblem("quiet", "contradicts --verbose; give one of them");
        }
        LibraryLogs.configure();
    }

    /** The pipeline on {@code folders}, reporting here. */
    Pipeline pipeline(Folders folders) {
        return new Pipeline(folders, ConsoleProgress.forConsole(options.quiet), this::report, options.verbose);
    }

    private void report(StageReport report) {
        if (!options.quiet) {
            report.print(out);
        }
    }

    void finished() {
        if (!options.quiet) {
            out.printf("total:   %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
    }
}
