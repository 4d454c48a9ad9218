package org.umapanim.knn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The distance the neighbours are found by, with umap-learn's names. It only changes the kNN:
 * the layout is always optimised with Euclidean distances in 2-D, as in umap-learn.
 */
public enum Metric {
    /** √Σ(a−b)². */
    EUCLIDEAN,
    /** 1 − a·b / (|a| |b|): the angle only, so a row scaled by any positive factor keeps its neighbours. */
    COSINE,
    /** Σ|a−b|. */
    MANHATTAN,
    /** 1 − Pearson correlation: cosine of the rows with their own means subtracted. */
    CORRELATION;

    /** The name on the command line and in the Parquet footer: {@code euclidean}, {@code cosine}, … */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric called {@code name} (case-insensitive). */
    public static Metric byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("no metric given; known: " + names());
        }
        for (Metric m : values()) {
            if (m.cliName().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; known: " + names());
    }

    /** "euclidean, cosine, manhattan, correlation". */
    public static String names() {
        return Arrays.stream(values()).map(Metric::cliName).collect(Collectors.joining(", "));
    }

    /** Cosine and correlation compare directions: the rows are normalised first. */
    boolean angular() {
        return this == COSINE || this == CORRELATION;
    }
}
