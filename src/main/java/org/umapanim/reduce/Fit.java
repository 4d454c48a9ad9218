package org.umapanim.reduce;

import java.util.List;

/**
 * The outcome of {@link Reducer#fit}.
 *
 * @param layout      final coordinates, {@code x = layout[2*i]}, {@code y = layout[2*i+1]}
 * @param phases      what the fit did, in order, with the time each took
 * @param description what it did in one line, for {@code --verbose} ("UMAP: kNN nn-descent, …")
 */
public record Fit(float[] layout, List<Phase> phases, String description) {
    public Fit {
        phases = List.copyOf(phases);
    }

    /** One timed part of a fit: "kNN", "SGD". */
    public record Phase(String name, long millis) {}
}
