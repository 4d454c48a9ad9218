package org.umapanim.quality;

import java.util.List;

/** The measures of every epoch of a run, in epoch order, and how they were taken. */
public record QualityRun(List<EpochMeasures> epochs, QualityMethod method) {
    public QualityRun {
        epochs = List.copyOf(epochs);
    }

    public EpochMeasures last() {
        return epochs.get(epochs.size() - 1);
    }
}
