package org.umapanim.cli;

import picocli.CommandLine.Option;

/** Options of the stages that compute: how many threads, which random seed. */
final class ComputeOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Threads to use (default: all cores, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed and thread count give the same output (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    int checkedThreads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        return threads;
    }
}
