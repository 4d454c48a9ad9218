package org.umapanim.encode;

import java.util.Set;
import org.umapanim.common.SettingProblem;
import org.umapanim.render.Timing;

/**
 * How the movies are encoded: {@code fps} frames per second (the rate render timed the frames for),
 * the last frame held for {@code holdSeconds} because the final layout is what people want to look
 * at; H.264 at x264's constant quality {@code crf} and {@code preset}; GIFs scaled down to
 * {@code gifWidth} pixels wide (never up) at {@code gifFps} frames per second (never more than
 * {@code fps}). WebM's VP9 settings are fixed ({@link MovieFormat#WEBM}).
 */
public record EncodeOptions(int fps, int crf, String preset, double holdSeconds, int gifWidth, int gifFps) {

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
        if (gifWidth < 16 || gifWidth > 4096) {
            throw new SettingProblem("gifWidth", "must be between 16 and 4096 pixels, got " + gifWidth);
        }
        if (gifFps < 1 || gifFps > 50) {
            throw new SettingProblem("gifFps", "must be between 1 and 50 (GIF delays are hundredths of a second), got "
                    + gifFps);
        }
    }

    /**
     * Render's frame rate, CRF 26, preset fast, last frame held 2 s; GIFs 550 px wide at 15 fps,
     * half the frames' width and rate, which keeps the bundled run's GIF under 5 MB.
     *
     * <p>The MP4's settings were chosen by measurement on the bundled run's 240 default frames
     * (docs/encode-settings.md; size, SSIM of the movie against the PNGs, x264's CPU time): with
     * {@link VideoWriter#H264_TUNE stillimage} CRF 26 makes 7.3 MB at SSIM 0.986, under the 8 MB
     * that leaves room below GitHub's 10 MB for a video in an issue, and above 0.98; CRF 24–25 is
     * over 8 MB, CRF 28 at 0.982 too close to 0.98. Preset fast gives the same size and SSIM as
     * medium in 80 % of its CPU time; slow is 1.7× medium's time for a smaller file at a lower
     * SSIM, no better at equal quality.
     */
    public static final EncodeOptions DEFAULTS = new EncodeOptions(Timing.DEFAULT.fps(), 26, "fast", 2.0, 550, 15);

    /** How many extra copies of the last frame make up the hold at {@code rate} frames per second. */
    int holdFrames(double rate) {
        return (int) Math.round(holdSeconds * rate);
    }
}
