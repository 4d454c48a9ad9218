package org.umapanim.cli;

import picocli.CommandLine.Option;

/** How the movie is encoded (H.264 through FFmpeg's libx264). */
final class MovieOptions {
    @Option(names = "--fps", paramLabel = "N", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    int fps = 30;

    @Option(names = "--crf", paramLabel = "N", description = "x264 constant rate factor, 0-51, lower is better and bigger (default: ${DEFAULT-VALUE}).")
    int crf = 22;

    @Option(names = "--preset", paramLabel = "NAME", description = "x264 preset, ultrafast ... veryslow (default: ${DEFAULT-VALUE}).")
    String preset = "medium";

    @Option(names = "--hold", paramLabel = "SECONDS", description = "How long the last frame stays on screen (default: ${DEFAULT-VALUE}).")
    double hold = 2.0;
}
