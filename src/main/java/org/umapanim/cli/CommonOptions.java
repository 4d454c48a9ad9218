package org.umapanim.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Output options every command has: given once on the root, inherited by each subcommand. */
@HelpSection(HelpSection.Part.RUN)
final class CommonOptions {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show what UMAP did (its stages and figures), the peak memory, and stack traces of errors.")
    boolean verbose;

    @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "Print only errors: no progress, no summary.")
    boolean quiet;
}
