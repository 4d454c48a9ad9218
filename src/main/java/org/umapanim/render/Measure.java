package org.umapanim.render;

import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.data.xy.XYSeries;
import org.umapanim.quality.EpochMeasures;

/**
 * The measures the charts draw, with their names and line colours: the light members of
 * ColorBrewer's Paired palette, which read well on black.
 */
enum Measure {
    TRUSTWORTHINESS("trustworthiness", 0xA6CEE3, EpochMeasures::trustworthiness),
    NEIGHBOURS_KEPT("neighbours kept", 0xB2DF8A, EpochMeasures::neighbourPreservation),
    LABEL_ACCURACY("10-NN accuracy", 0xFB9A99, EpochMeasures::labelAccuracy),
    LOSS("loss", 0xFDBF6F, EpochMeasures::loss),
    MOTION_MEDIAN("median", 0xCAB2D6, EpochMeasures::motionMedian),
    MOTION_P95("95th percentile", 0xFFFF99, EpochMeasures::motionP95);

    final String label;
    final Color colour;
    private final ToDoubleFunction<EpochMeasures> value;

    Measure(String label, int rgb, ToDoubleFunction<EpochMeasures> value) {
        this.label = label;
        this.colour = new Color(rgb);
        this.value = value;
    }

    double of(EpochMeasures m) {
        return value.applyAsDouble(m);
    }

    /** Whether any epoch has a value (label accuracy of unlabelled data, the loss of another reducer: none). */
    boolean measuredIn(List<EpochMeasures> epochs) {
        return epochs.stream().anyMatch(m -> !Double.isNaN(of(m)));
    }

    /** The values of epochs 0 … {@code upTo} as a series, leaving out NaN and, for a log axis, values ≤ 0. */
    XYSeries series(List<EpochMeasures> epochs, int upTo, boolean positiveOnly) {
        XYSeries s = new XYSeries(label, false, false);
        for (EpochMeasures m : epochs) {
            double v = of(m);
            if (m.epoch() <= upTo && !Double.isNaN(v) && (!positiveOnly || v > 0)) {
                s.add(m.epoch(), v);
            }
        }
        return s;
    }
}
