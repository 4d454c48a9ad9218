package org.umapanim.cli;

import org.umapanim.pipeline.EncodeSettings;
import picocli.CommandLine.Option;

/** How the movie is encoded (H.264 through FFmpeg's libx264). */
final class MovieOptions {
    @Option(names = "--fps", paramLabel = "N", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    int fps = EncodeSettings.DEFAULTS.fps();

    @Option(names = "--crf", paramLabel = "N", description = "x264 constant rate factor, 0-51, lower is better and bigger (default: ${DEFAULT-VALUE}).")
    int crf = EncodeSettings.DEFAULTS.crf();

    @Option(names = "--preset", paramLabel = "NAME", description = "x264 preset, ultrafast ... veryslow (default: ${DEFAULT-VALUE}).")
    String preset = EncodeSettings.DEFAULTS.preset();

    @Option(names = "--hold", paramLabel = "SECONDS", description = "How long the last frame stays on screen (default: ${DEFAULT-VALUE}).")
    double hold = EncodeSettings.DEFAULTS.hold();

    EncodeSettings settings() {
        return new EncodeSettings(fps, crf, preset, hold);
    }
}
