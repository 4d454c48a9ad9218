package org.umapanim.cli;

import org.umapanim.pipeline.Compute;
import picocli.CommandLine.Option;

/** Options of the stages that compute: how many threads, which random seed. */
@HelpSection(HelpSection.Part.RUN)
final class ComputeOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Threads to use (default: all cores, here ${DEFAULT-VALUE}).")
    int threads = Compute.DEFAULT.threads();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed = Compute.DEFAULT.seed();

    Compute compute() {
        return new Compute(threads, seed);
    }
}
