package org.umapanim.encode;

import java.util.Set;
import org.umapanim.common.SettingProblem;

/**
 * How the movie is encoded: H.264 (libx264) at constant quality {@code crf} with x264's
 * {@code preset}, {@code fps} frames per second, and the last frame held for {@code holdSeconds}
 * because the final layout is what people want to look at.
 *
 * @param verbose let FFmpeg and x264 log at info level instead of errors only
 */
public record EncodeOptions(int fps, int crf, String preset, double holdSeconds, boolean verbose) {

    /** x264's presets, fastest to slowest; anything else fails inside FFmpeg with an obscure code. */
    static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow", "placebo");

    public EncodeOptions {
        if (fps < 1 || fps > 240) {
            throw new SettingProblem("fps", "must be between 1 and 240, got " + fps);
        }
        if (crf < 0 || crf > 51) {
            throw new SettingProblem("crf", "must be between 0 and 51 (lower is better quality), got " + crf);
        }
        if (preset == null || !PRESETS.contains(preset)) {
            throw new SettingProblem("preset", "must be one of ultrafast, superfast, veryfast, faster, "
                    + "fast, medium, slow, slower, veryslow, placebo; got " + preset);
        }
        if (!(holdSeconds >= 0) || holdSeconds > 3600) {
            throw new SettingProblem("hold", "must be between 0 and 3600 seconds, got " + holdSeconds);
        }
    }

    /** 30 fps, CRF 22, preset medium, last frame held 2 s, FFmpeg quiet. */
    public static final EncodeOptions DEFAULTS = new EncodeOptions(30, 22, "medium", 2.0, false);

    /** How many extra copies of the last frame make up the hold. */
    public int holdFrames() {
        return (int) Math.round(holdSeconds * fps);
    }
}
