package org.umapanim.reduce;

import java.util.Map;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;

/**
 * A method that lays rows out in two dimensions step by step (UMAP's epochs, t-SNE's
 * iterations), as {@code prepare} runs it: its names, a check of the data's shape that runs before
 * anything is written, its settings as they are recorded, and the fit. One instance holds one
 * run's settings, seed and threads; {@code pipeline.ReducerSettings} makes it.
 */
public interface Reducer {
    /** Its name on the command line and in the footer ({@code umap-anim.reducer}): "umap". */
    String name();

    /** Its name in words, for titles ("… embedded into two dimensions by UMAP"). */
    String displayName();

    /** The word for one step of its optimisation: "epoch" for UMAP, "iteration" for t-SNE. */
    String stepWord();

    /** Steps after the initial layout: the listener sees steps 0 … {@code steps()}. */
    int steps();

    /**
     * Checks that it can embed {@code n} rows of {@code d} columns, before any file is touched.
     *
     * @throws IllegalArgumentException (a {@link org.umapanim.common.SettingProblem} when a
     *                                  setting is to blame) naming what cannot work
     */
    void check(int n, int d);

    /**
     * Its own settings as they are recorded in the footer and the stage stamp, keys prefixed with
     * its name ({@code umap.n_neighbors}); the seed and the thread count are recorded by the caller.
     */
    Map<String, String> settings();

    /**
     * Lays out {@code n} rows of {@code d} values (row-major): hands {@code listener} the initial
     * layout as step 0 and the layout after every step, {@code hooks} what they ask for on the way.
     *
     * @throws IllegalArgumentException for data {@link #check} refuses, a size mismatch or a
     *                                  non-finite value
     */
    Fit fit(float[] values, int n, int d, EpochListener listener, Hooks hooks, Progress progress);
}
