package org.umapanim.tsne;

import java.util.Locale;

/** How a t-SNE layout starts, at openTSNE's scale (standard deviation 1e-4, {@link TsneStart}). */
public enum TsneInit {
    /** The first two principal components of the data (openTSNE's default). */
    PCA,
    /** Normal coordinates drawn with the seed. */
    RANDOM;

    /** By its name on the command line ("pca", "random"). */
    public static TsneInit named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
