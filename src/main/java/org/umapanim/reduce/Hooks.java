package org.umapanim.reduce;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a caller may ask a reducer to hand out during a fit, each at most once and before step 0.
 *
 * @param neighbours given the neighbours the reducer found, returns what the caller measured of
 *                   them in words ("recall 1.000 on 100 sampled rows"), which the fit's
 *                   description includes; empty for nothing
 * @param objective  takes what the reducer minimises, for a loss measured beside the run
 */
public record Hooks(Function<FoundNeighbours, String> neighbours, Consumer<Objective> objective) {
    /** Asks for nothing. */
    public static final Hooks NONE = new Hooks(found -> "", objective -> {});

    public Hooks {
        Objects.requireNonNull(neighbours, "neighbours");
        Objects.requireNonNull(objective, "objective");
    }
}
