package org.umapanim.cli;

import picocli.CommandLine.Option;

/** How the frames look. */
final class FrameOptions {
    @Option(names = "--title", paramLabel = "TEXT", description = "Title of every frame (default: the data set's, e.g. \"MNIST data embedded into two dimensions by UMAP\").")
    String title;

    @Option(names = "--subtitle", paramLabel = "TEXT", description = "Subtitle of every frame (default: the data set's, e.g. \"Each point is a handwritten digit\").")
    String subtitle;
}
