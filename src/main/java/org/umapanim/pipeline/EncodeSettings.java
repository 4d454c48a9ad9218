package org.umapanim.pipeline;

import org.umapanim.encode.EncodeOptions;

/**
 * How {@code encode} makes the movies. Checked when made, so a bad value fails before any work.
 *
 * @param fps      frames per second, or null for the rate render drew the frames for
 * @param crf      x264's constant rate factor (MP4)
 * @param preset   x264's preset (MP4)
 * @param hold     seconds the last frame stays on screen
 * @param gifWidth a GIF's width in pixels (never more than the frames')
 * @param gifFps   a GIF's frames per second (never more than the frames')
 */
public record EncodeSettings(Integer fps, int crf, String preset, double hold, int gifWidth, int gifFps) {
    private static final EncodeOptions ENCODE = EncodeOptions.DEFAULTS;

    public static final EncodeSettings DEFAULTS = new EncodeSettings(null, ENCODE.crf(), ENCODE.preset(),
            ENCODE.holdSeconds(), ENCODE.gifWidth(), ENCODE.gifFps());

    /** Checks every value before any work ({@link EncodeOptions} holds the rules). */
    public EncodeSettings {
        // the fields are only set at the end of this constructor: check the parameters
        new EncodeOptions(fps != null ? fps : ENCODE.fps(), crf, preset, hold, gifWidth, gifFps);
    }

    EncodeOptions encodeOptions(int rate) {
        return new EncodeOptions(rate, crf, preset, hold, gifWidth, gifFps);
    }
}
