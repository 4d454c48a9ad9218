package org.umapanim.encode;

import java.nio.file.Path;

/**
 * What an encode produced.
 *
 * @param frames     frames added by the caller
 * @param heldFrames extra copies of the last frame appended for the hold
 * @param bytes      size of the finished movie
 * @param millis     wall time from opening the encoder to the movie being in place
 */
public record EncodeSummary(Path movie, int frames, int heldFrames, long bytes, long millis) {

    /** Frames in the movie: the caller's plus the hold. */
    public int movieFrames() {
        return frames + heldFrames;
    }
}
