package org.umapanim.pipeline;

/**
 * How {@code render} draws the frames.
 *
 * @param title    the frames' title, or null for the one prepare recorded for the data set
 * @param subtitle likewise for the subtitle
 */
public record RenderSettings(String title, String subtitle, Compute compute) {
    public static final RenderSettings DEFAULTS = new RenderSettings(null, null, Compute.DEFAULT);
}
