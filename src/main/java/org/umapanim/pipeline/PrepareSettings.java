package org.umapanim.pipeline;

import java.util.Objects;

/**
 * What {@code prepare} embeds and how: the rows, one reducer's settings, how the layouts are
 * normalised, and the threads and seed.
 *
 * @param input   which rows
 * @param reducer the reducer and its own settings
 * @param stretch normalise x and y separately instead of keeping the aspect ratio
 * @param compute threads and seed
 */
public record PrepareSettings(InputSelection input, ReducerSettings reducer, boolean stretch, Compute compute) {
    /** The bundled sample, every row, UMAP with umap-learn's parameters. */
    public static final PrepareSettings DEFAULTS = new PrepareSettings(InputSelection.DEFAULTS, UmapSettings.DEFAULTS,
            false, Compute.DEFAULT);

    public PrepareSettings {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(reducer, "reducer");
        Objects.requireNonNull(compute, "compute");
    }
}
