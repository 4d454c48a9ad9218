package org.umapanim.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named stretch of a run's steps that frames, charts and the viewer mark, as the run's footer
 * records it: t-SNE's early exaggeration, whose iterations shrink the layout and move it little
 * on screen before it grows. Steps {@code first} … {@code last} (inclusive) are the layouts after
 * the phase's iterations; the band on a chart spans {@code first - 1} … {@code last}, the steps
 * those iterations move between. UMAP runs (and files without the keys) have no phases.
 *
 * @param name  what it is called on screen: "early exaggeration"
 * @param first the first step after an iteration of the phase, at least 1
 * @param last  the last such step, at least {@code first}
 */
public record StepPhase(String name, int first, int last) {
    public static final String EARLY_EXAGGERATION = "early exaggeration";
    /**
     * The footer keys of a t-SNE run this reads, as {@code tsne.TsneReducer} writes its settings
     * (this package imports no reducer; StepPhaseTest reads the phase back from those settings).
     */
    static final String TSNE = "tsne";
    static final String KEY_ITERATIONS = "tsne.iterations";
    static final String KEY_EARLY_EXAGGERATION = "tsne.early_exaggeration";
    static final String KEY_EARLY_EXAGGERATION_ITERATIONS = "tsne.early_exaggeration_iterations";
    static final String KEY_EXAGGERATION = "tsne.exaggeration";

    public StepPhase {
        Objects.requireNonNull(name, "name");
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("steps " + first + " … " + last + ": need 1 ≤ first ≤ last");
        }
    }

    /** Whether the layout at {@code step} is one of the phase's. */
    public boolean contains(int step) {
        return step >= first && step <= last;
    }

    /** The phase {@code step} is in, or null. */
    public static StepPhase at(List<StepPhase> phases, int step) {
        for (StepPhase p : phases) {
            if (p.contains(step)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The phases a footer records: for t-SNE, early exaggeration over its first iterations when
     * it exaggerates them differently from the rest (an early exaggeration of 1 after 1 is no
     * phase at all); none for anything else, or when the keys are missing or unreadable, since a
     * mark is a courtesy and no reason to refuse a file.
     */
    public static List<StepPhase> of(Map<String, String> footer) {
        if (!TSNE.equals(footer.get(RecordedReducer.KEY_REDUCER))) {
            return List.of();
        }
        try {
            int steps = Integer.parseInt(footer.get(KEY_EARLY_EXAGGERATION_ITERATIONS));
            String total = footer.get(KEY_ITERATIONS);
            if (total != null) {
                steps = Math.min(steps, Integer.parseInt(total));
            }
            double early = Double.parseDouble(footer.get(KEY_EARLY_EXAGGERATION));
            String later = footer.get(KEY_EXAGGERATION);
            if (steps < 1 || (later != null && Double.parseDouble(later) == early)) {
                return List.of();
            }
            return List.of(new StepPhase(EARLY_EXAGGERATION, 1, steps));
        } catch (NumberFormatException | NullPointerException e) {
            return List.of();
        }
    }
}
