package org.umapanim.render;

import java.util.Objects;
import org.umapanim.store.EpochHistory;

/**
 * One run of a comparison as its panel shows it.
 *
 * @param history  its recorded steps
 * @param heading  what the panel is headed, e.g. "UMAP · 15 neighbours"
 * @param stepWord what its steps are called, e.g. "epoch" or "iteration"
 */
public record CompareRun(EpochHistory history, String heading, String stepWord) {
    public CompareRun {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(stepWord, "stepWord");
    }

    int last() {
        return history.lastEpoch();
    }
}
