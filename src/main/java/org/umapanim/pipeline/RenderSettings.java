package org.umapanim.pipeline;

/**
 * How {@code render} draws the frames.
 *
 * @param title    the frames' title, or null for the one prepare recorded for the data set
 * @param subtitle likewise for the subtitle
 * @param metricsInset draw a small chart of the layout's measures in each frame (off: the original look)
 */
public record RenderSettings(String title, String subtitle, boolean metricsInset, Compute compute) {
    public static final RenderSettings DEFAULTS = new RenderSettings(null, null, false, Compute.DEFAULT);
}
