package org.umapanim.cli;

import org.umapanim.pipeline.EncodeSettings;
import picocli.CommandLine.Option;

/** How the movies are encoded (FFmpeg: H.264 for .mp4, VP9 for .webm, a palette GIF for .gif). */
@HelpSection(HelpSection.Part.MOVIE)
final class MovieOptions {
    private static final EncodeSettings D = EncodeSettings.DEFAULTS;

    @Option(names = "--crf", paramLabel = "N", description = "x264 constant rate factor for .mp4, 0-51, lower is better and bigger (default: ${DEFAULT-VALUE}).")
    int crf = D.crf();

    @Option(names = "--preset", paramLabel = "NAME", description = "x264 preset for .mp4, ultrafast ... veryslow (default: ${DEFAULT-VALUE}).")
    String preset = D.preset();

    @Option(names = "--hold", paramLabel = "SECONDS", description = "How long the last frame stays on screen (default: ${DEFAULT-VALUE}).")
    double hold = D.hold();

    @Option(names = "--gif-width", paramLabel = "PX", description = "Width of a .gif movie, never more than the frames' (default: ${DEFAULT-VALUE}).")
    int gifWidth = D.gifWidth();

    @Option(names = "--gif-fps", paramLabel = "N", description = "Frames per second of a .gif movie, at most the frames' own rate (default: ${DEFAULT-VALUE}).")
    int gifFps = D.gifFps();

    EncodeSettings settings(Integer fps) {
        return new EncodeSettings(fps, crf, preset, hold, gifWidth, gifFps);
    }
}
