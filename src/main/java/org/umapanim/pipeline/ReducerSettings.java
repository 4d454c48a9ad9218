package org.umapanim.pipeline;

import java.util.List;
import org.umapanim.common.SettingProblem;
import org.umapanim.reduce.Reducer;

/**
 * One reducer's own settings, checked when made; with the run's {@link Compute} they make the
 * {@link Reducer} that {@code prepare} runs. A new reducer adds its record to {@code permits} and
 * its name to {@link #NAMES}; the record checks its step count with
 * {@code store.EpochsSchema.checkSteps}; the command line gets an options class of its own under a
 * {@code --help} heading of its own, chosen by {@code --reducer}.
 */
public sealed interface ReducerSettings permits UmapSettings {
    /** The reducers {@code prepare} can run, by their names: what {@code --reducer} accepts. */
    List<String> NAMES = List.of(UmapSettings.NAME);

    /** The reducer these settings are for ({@link #NAMES}). */
    String name();

    /** The reducer with these settings, on {@code compute}'s threads and seed. */
    Reducer reducer(Compute compute);

    /** {@code name} if it is one of {@link #NAMES}; else a {@link SettingProblem} that lists them. */
    static String known(String name) {
        if (!NAMES.contains(name)) {
            throw new SettingProblem("reducer", "must be " + String.join(" or ", NAMES) + ", got '" + name + "'");
        }
        return name;
    }
}
