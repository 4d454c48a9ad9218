package org.umapanim.pipeline;

import org.umapanim.common.SettingProblem;
import org.umapanim.render.Camera;
import org.umapanim.render.Density;
import org.umapanim.render.FrameSize;
import org.umapanim.render.Pace;
import org.umapanim.render.Timing;

/**
 * How {@code render} draws the frames. Checked when made, so a bad value fails before any work.
 *
 * @param title    the frames' title, or null for the one prepare recorded for the data set
 * @param subtitle likewise for the subtitle
 * @param width    frame width, before {@code scale}
 * @param height   frame height, before {@code scale}
 * @param scale    pixels per pixel (2 for high-DPI screens)
 * @param dot      point size in pixels, or null for the size that suits the number of points
 * @param density  auto, on or off: the points' density instead of a dot per point
 * @param camera   fixed or follow
 * @param pace     epochs or motion
 * @param seconds  how long the layout moves, or null for the pace's default
 * @param every    draw every N-th epoch (and the last)
 * @param fps      frames per second, or null for the default
 * @param metricsInset draw a small chart of the layout's measures in each frame (off: the original look)
 */
public record RenderSettings(String title, String subtitle, int width, int height, double scale, Double dot,
                             String density, String camera, String pace, Double seconds, int every, Integer fps, boolean metricsInset,
                             Compute compute) {
    /** How long motion pacing runs by default (render's {@link Timing#MOTION_SECONDS}), for the help text. */
    public static final double MOTION_SECONDS = Timing.MOTION_SECONDS;

    private static final FrameSize SIZE = FrameSize.DEFAULT;
    private static final Timing TIMING = Timing.DEFAULT;

    public static final RenderSettings DEFAULTS = new RenderSettings(null, null, SIZE.width(), SIZE.height(),
            SIZE.scale(), null, Density.DEFAULT.cliName(), Camera.DEFAULT.cliName(), TIMING.pace().cliName(), TIMING.seconds(), TIMING.every(),
            null, false, Compute.DEFAULT);

    public RenderSettings {
        // the fields are only set at the end of this constructor: check the parameters
        new FrameSize(width, height, scale);
        Density.of(density);
        Camera.of(camera);
        timing(pace, seconds, every, fps);
        if (dot != null && !(dot >= 0.5 && dot <= 100)) {
            throw new SettingProblem("dot", "must be between 0.5 and 100 pixels, got " + dot);
        }
    }

    FrameSize frameSize() {
        return new FrameSize(width, height, scale);
    }

    Density toDensity() {
        return Density.of(density);
    }

    Camera toCamera() {
        return Camera.of(camera);
    }

    Timing timing() {
        return timing(pace, seconds, every, fps);
    }

    private static Timing timing(String pace, Double seconds, int every, Integer fps) {
        return new Timing(Pace.of(pace), seconds, every, fps != null ? fps : TIMING.fps());
    }
}
