package org.umapanim.render;

import java.util.Objects;
import org.umapanim.common.SettingProblem;

/**
 * How frames are drawn.
 *
 * @param title    first line at the top left; empty for none
 * @param subtitle second line under the title; empty for none
 * @param size     the frames' size and pixel scale
 * @param dot      the points' size in pixels of {@code size} (times its scale in the PNGs), or
 *                 null for the size that suits the number of points ({@link Dots})
 * @param density  a dot per point, or the points' density, or either by the number of points
 * @param camera   how the plot frames the layout
 * @param timing   which epochs are shown and for how long
 * @param threads  how many frames are drawn at once (at least 1)
 * @param seed     picks the legend's sample images, so every frame and every run shows the same ones
 */
public record RenderOptions(String title, String subtitle, FrameSize size, Double dot, Density density, Camera camera,
                            Timing timing, int threads, long seed) {
    public RenderOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(density, "density");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(timing, "timing");
        if (dot != null && !(dot >= 0.5 && dot <= 100)) {
            throw new SettingProblem("dot", "must be between 0.5 and 100 pixels, got " + dot);
        }
        if (threads < 1) {
            throw new SettingProblem("threads", "must be at least 1, got " + threads);
        }
    }

    /** With the density chosen by the number of points ({@link Density#DEFAULT}). */
    public RenderOptions(String title, String subtitle, FrameSize size, Double dot, Camera camera, Timing timing,
                         int threads, long seed) {
        this(title, subtitle, size, dot, Density.DEFAULT, camera, timing, threads, seed);
    }
}
