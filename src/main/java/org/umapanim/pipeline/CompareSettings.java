package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.umapanim.common.SettingProblem;
import org.umapanim.render.Camera;
import org.umapanim.render.Density;
import org.umapanim.render.FrameSize;
import org.umapanim.render.Pace;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.Timing;

/**
 * What {@code compare} plays side by side and how its frames look. Checked when made.
 *
 * @param runs    2–4 prepared data folders
 * @param width   frame width, before {@code scale}
 * @param height  frame height, before {@code scale}
 * @param scale   pixels per pixel
 * @param dot     point size in pixels, or null for the size that suits the points and the panels
 * @param camera  fixed or follow, each panel its own
 * @param pace    epochs (even progress) or motion (the larger motion of the runs at each moment)
 * @param seconds how long the layouts move, or null for the pace's default
 * @param fps     frames per second, or null for the default
 */
public record CompareSettings(List<Path> runs, int width, int height, double scale, Double dot, String camera,
                              String pace, Double seconds, Integer fps, Compute compute) {
    /** Two 782-pixel plots side by side with the legend and the agreement chart: a full-HD movie. */
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    /** Each panel follows its own run, as one run's frames do. */
    public static final String CAMERA = Camera.DEFAULT.cliName();
    public static final String PACE = Timing.DEFAULT.pace().cliName();
    public static final double SCALE = FrameSize.DEFAULT.scale();

    public CompareSettings {
        runs = List.copyOf(runs);
        FrameSize size = new FrameSize(width, height, scale);
        if (size.pixelWidth() % 2 != 0 || size.pixelHeight() % 2 != 0) {
            // H.264 in yuv420p halves the chroma planes: an odd side cannot be encoded
            throw new SettingProblem("size", "must make frames of even width and height, got "
                    + size.pixelWidth() + "x" + size.pixelHeight());
        }
        Camera.of(camera);
        timing(pace, seconds, fps);
        if (dot != null && !(dot >= 0.5 && dot <= 100)) {
            throw new SettingProblem("dot", "must be between 0.5 and 100 pixels, got " + dot);
        }
    }

    Timing timing() {
        return timing(pace, seconds, fps);
    }

    private static Timing timing(String pace, Double seconds, Integer fps) {
        return new Timing(Pace.of(pace), seconds, 1, fps != null ? fps : Timing.DEFAULT.fps());
    }

    RenderOptions renderOptions() {
        return new RenderOptions("", "", new FrameSize(width, height, scale), dot, Density.OFF, Camera.of(camera),
                timing(), compute.threads(), compute.seed());
    }
}
