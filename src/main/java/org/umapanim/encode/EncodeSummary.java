package org.umapanim.encode;

import java.nio.file.Path;

/**
 * What an encode produced.
 *
 * @param frames     frames of the movie before the hold (a GIF at a lower rate has fewer than were added)
 * @param heldFrames extra copies of the last frame appended for the hold (none in a GIF, whose last
 *                   frame is shown longer instead)
 * @param bytes      size of the finished movie
 * @param millis     wall time from opening the encoder to the movie being in place
 */
public record EncodeSummary(Path movie, MovieFormat format, int frames, int heldFrames, long bytes, long millis) {

    /** Frames in the movie: its own plus the hold. */
    public int movieFrames() {
        return frames + heldFrames;
    }
}
