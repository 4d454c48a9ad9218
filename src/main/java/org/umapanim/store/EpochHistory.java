package org.umapanim.store;

import java.util.List;
import org.umapanim.common.EpochListener;
import org.umapanim.dataset.ClassOrder;

/**
 * A run's recorded layouts, replayed epoch by epoch: what render, the viewer and the measures
 * read. {@link EpochsReader} is the one on disk; a test can hold one in memory.
 */
public interface EpochHistory {
    int points();

    /** Epochs 0 … lastEpoch are recorded. */
    int lastEpoch();

    /** The class label of every point, by point index ("" for unlabelled data). */
    String[] labels();

    /**
     * The distinct labels in display order (legend, palette, viewer): the order the run recorded;
     * by {@link ClassOrder}'s rule for a history that records none.
     */
    default List<String> classes() {
        return ClassOrder.sorted(labels());
    }

    /** Hands every epoch, in order, to {@code listener}, with coordinates in [0,1]. */
    void forEachEpoch(EpochListener listener);

    /** The named stretches of its steps that the pictures mark ({@link StepPhase}); none by default. */
    default List<StepPhase> phases() {
        return List.of();
    }
}
