package org.umapanim.reduce;

/**
 * What a reducer minimises, handed out once per fit (see {@link Hooks#objective}) so its value can
 * be followed step by step: UMAP's fuzzy cross-entropy, t-SNE's KL divergence. Exact values cost
 * a pass over all pairs of points, so it is estimated on a sample drawn once.
 */
public interface Objective {
    /** Points of the layouts it measures. */
    int points();

    /** Draws the sample with {@code seed}: every layout is then measured on the same pairs. */
    ObjectiveEstimate estimate(long seed);
}
