package org.umapanim.store;

import java.util.Map;
import java.util.Objects;

/**
 * Which reducer made a run's layouts and its word for one step, as every file of the run records
 * them in its footer ({@link #KEY_REDUCER}, {@link #KEY_STEP}). Files written before the keys
 * existed were all made by UMAP, and read as such.
 *
 * @param reducer its name: "umap", "tsne"
 * @param step    its word for a step, in the singular: "epoch", "iteration"
 */
public record RecordedReducer(String reducer, String step) {
    public static final String KEY_REDUCER = "umap-anim.reducer";
    public static final String KEY_STEP = "umap-anim.step";
    /** What a file without the keys was made by. */
    public static final RecordedReducer UMAP = new RecordedReducer("umap", "epoch");

    public RecordedReducer {
        Objects.requireNonNull(reducer, "reducer");
        Objects.requireNonNull(step, "step");
    }

    /** The reducer a footer records, UMAP's for a footer without the keys. */
    public static RecordedReducer of(Map<String, String> footer) {
        return new RecordedReducer(footer.getOrDefault(KEY_REDUCER, UMAP.reducer),
                footer.getOrDefault(KEY_STEP, UMAP.step));
    }

    /** Records it in {@code footer}. */
    public void putInto(Map<String, String> footer) {
        footer.put(KEY_REDUCER, reducer);
        footer.put(KEY_STEP, step);
    }
}
