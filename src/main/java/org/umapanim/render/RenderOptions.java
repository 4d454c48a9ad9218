package org.umapanim.render;

import java.util.Objects;

/**
 * How frames are drawn.
 *
 * @param title    first line at the top left; empty for none
 * @param subtitle second line under the title; empty for none
 * @param threads  how many frames are drawn at once (at least 1)
 * @param seed     picks the legend's sample images, so every frame and every run shows the same ones
 */
public record RenderOptions(String title, String subtitle, int threads, long seed) {
    public static final String DEFAULT_TITLE = "MNIST data embedded into two dimensions by UMAP";
    public static final String DEFAULT_SUBTITLE = "Each point is a handwritten digit";
    public static final long DEFAULT_SEED = 42;

    public RenderOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The original's title and subtitle, one thread per core. */
    public static RenderOptions defaults() {
        return new RenderOptions(DEFAULT_TITLE, DEFAULT_SUBTITLE,
                Runtime.getRuntime().availableProcessors(), DEFAULT_SEED);
    }

    public RenderOptions withThreads(int n) {
        return new RenderOptions(title, subtitle, n, seed);
    }
}
