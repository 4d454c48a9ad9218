package org.umapanim.cli;

import picocli.CommandLine.Option;

/** Output options every command has. */
final class CommonOptions {
    @Option(names = "--verbose", description = "Show stack traces and library logs (FFmpeg, Parquet).")
    boolean verbose;

    @Option(names = "--quiet", description = "Print only errors: no progress, no summary.")
    boolean quiet;
}
