package org.umapanim.render;

import java.util.Map;

/**
 * The recorded epochs as the render stage reads them: the same methods as
 * {@code org.umapanim.store.EpochsReader}, behind this seam so the stage can be tested with
 * in-memory layouts.
 */
public interface EpochSource extends AutoCloseable {
    int points();

    int lastEpoch();

    /** Name of the label column, or null when the data is unlabelled. */
    String labelColumn();

    /** The class label of every point, by point index. */
    String[] labels();

    Map<String, String> metadata();

    /** Streams the epochs in order, each as a fresh float[2n] with x=xy[2i], y=xy[2i+1] in [0,1]. */
    void forEachEpoch(EpochConsumer consumer) throws Exception;

    @FunctionalInterface
    interface EpochConsumer {
        void accept(int epoch, float[] xy) throws Exception;
    }
}
