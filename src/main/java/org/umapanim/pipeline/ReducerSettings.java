package org.umapanim.pipeline;

import org.umapanim.reduce.Reducer;

/**
 * One reducer's own settings, checked when made ({@link UmapSettings}); with the run's
 * {@link Compute} they make the {@link Reducer} that {@code prepare} runs. A new reducer's record
 * implements it, checks its step count with {@code store.EpochsSchema.checkSteps}, and is listed
 * by name in {@link Reducers}; the command line gets an options class of its own, under a
 * {@code --help} heading of its own, chosen by {@code --reducer}.
 */
public interface ReducerSettings {
    /** The reducer these settings are for (one of {@link Reducers#NAMES}). */
    String name();

    /** The reducer with these settings, on {@code compute}'s threads and seed. */
    Reducer reducer(Compute compute);
}
