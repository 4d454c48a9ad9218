package org.umapanim.common;

/**
 * A setting whose value cannot work, found before any work starts. {@code setting} is the name of
 * the knob where it was checked (a settings record's component, or an engine's own name such as
 * umap-learn's {@code n_neighbors}); the command line reports it as a usage error under the name
 * of its option.
 */
public class SettingProblem extends IllegalArgumentException {
    private final String setting;
    private final String problem;

    /** @param problem what is wrong, to follow the setting's name: "must be at least 1, got 0" */
    public SettingProblem(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }

    /** The same problem under another name for the setting (an engine's name turned into a record's). */
    public SettingProblem renamed(String newName) {
        SettingProblem renamed = new SettingProblem(newName, problem);
        renamed.initCause(this);
        return renamed;
    }
}
