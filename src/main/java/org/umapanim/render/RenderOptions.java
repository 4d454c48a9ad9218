package org.umapanim.render;

import java.util.Objects;
import org.umapanim.common.SettingProblem;

/**
 * How frames are drawn.
 *
 * @param title    first line at the top left; empty for none
 * @param subtitle second line under the title; empty for none
 * @param threads  how many frames are drawn at once (at least 1)
 * @param seed     picks the legend's sample images, so every frame and every run shows the same ones
 */
public record RenderOptions(String title, String subtitle, int threads, long seed) {
    public RenderOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        if (threads < 1) {
            throw new SettingProblem("threads", "must be at least 1, got " + threads);
        }
    }
}
