package org.umapanim.reduce;

import java.util.Map;
import org.umapanim.knn.Workers;

/** An {@link Objective}'s estimate on a fixed sample. */
public interface ObjectiveEstimate {
    /**
     * The estimate for the layout {@code xy} in the reducer's own coordinates, summed in fixed
     * blocks over {@code workers}, so any thread count gives the same.
     */
    Loss at(float[] xy, Workers workers);

    /**
     * How it is estimated: key "loss" in words, and the sample's figures as keys of their own
     * ("loss.edges"), for a file's footer.
     */
    Map<String, String> describe();

    /**
     * The loss in two parts, their sum the whole: attraction (what pulls neighbours together) and
     * repulsion (the rest).
     */
    record Loss(double attraction, double repulsion) {
        public static final Loss NONE = new Loss(Double.NaN, Double.NaN);
    }
}
