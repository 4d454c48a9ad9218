package org.umapanim.cli;

import picocli.CommandLine.Option;

/** The movie's frame rate: render times the frames for it, encode plays them at it. */
@HelpSection(HelpSection.Part.MOVIE)
final class RateOption {
    @Option(names = "--fps", paramLabel = "N", description = "Frames per second (default: 30; encode alone: the rate render drew the frames for).")
    Integer fps;
}
