package org.umapanim.pipeline;

import java.util.List;
import org.umapanim.common.SettingProblem;

/** The reducers {@code prepare} can run, by name: the one list {@code --reducer} accepts. */
public final class Reducers {
    /** Their names, the default first. */
    public static final List<String> NAMES = List.of(UmapSettings.NAME, TsneSettings.NAME);

    private Reducers() {}

    /** {@code name} if it is one of {@link #NAMES}; else a {@link SettingProblem} that lists them. */
    public static String known(String name) {
        if (!NAMES.contains(name)) {
            throw new SettingProblem("reducer", "must be " + String.join(" or ", NAMES) + ", got '" + name + "'");
        }
        return name;
    }
}
