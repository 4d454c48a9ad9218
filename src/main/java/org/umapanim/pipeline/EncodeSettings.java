package org.umapanim.pipeline;

import org.umapanim.encode.EncodeOptions;

/**
 * How {@code encode} makes the movie: {@code fps} frames per second, x264's {@code crf} and
 * {@code preset}, the last frame held for {@code hold} seconds.
 */
public record EncodeSettings(int fps, int crf, String preset, double hold) {
    private static final EncodeOptions ENCODE = EncodeOptions.DEFAULTS;

    public static final EncodeSettings DEFAULTS = new EncodeSettings(ENCODE.fps(), ENCODE.crf(), ENCODE.preset(),
            ENCODE.holdSeconds());

    /** Checks every value before any work ({@link EncodeOptions} holds the rules). */
    public EncodeSettings {
        new EncodeOptions(fps, crf, preset, hold, false);
    }

    EncodeOptions encodeOptions(boolean verbose) {
        return new EncodeOptions(fps, crf, preset, hold, verbose);
    }
}
