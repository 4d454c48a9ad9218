package org.umapanim.view;

import java.util.List;

/**
 * Per-epoch measures for the page's chart: named series over the same epochs, a cursor at the
 * epoch shown. {@link #NONE} leaves the chart out. A value of NaN is an epoch not measured.
 *
 * @param epochs the epochs measured, ascending
 */
public record Metrics(int[] epochs, List<Series> series) {
    public static final Metrics NONE = new Metrics(new int[0], List.of());

    public Metrics {
        epochs = epochs.clone();
        series = List.copyOf(series);
        for (int i = 1; i < epochs.length; i++) {
            if (epochs[i] <= epochs[i - 1]) {
                throw new IllegalArgumentException("metric epochs must ascend: " + epochs[i - 1] + " then " + epochs[i]);
            }
        }
        for (Series s : series) {
            if (s.values().length != epochs.length) {
                throw new IllegalArgumentException("metric '" + s.name() + "' has " + s.values().length
                        + " values for " + epochs.length + " epochs");
            }
        }
    }

    /** One measure, e.g. "trustworthiness", with a value per epoch of {@link #epochs}. */
    public record Series(String name, double[] values) {
        public Series {
            values = values.clone();
        }
    }
}
