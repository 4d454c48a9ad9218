package org.umapanim.umap;

import java.util.Locale;

/** How the layout starts (umap-learn's {@code init}); the names are umap-learn's, in lower case. */
public enum InitMethod {
    /** Normalised-Laplacian eigenvectors of the fuzzy graph, per connected component (the default). */
    SPECTRAL,
    /** The first two principal components of the data (of the PCA-reduced data with {@code pca}). */
    PCA,
    /** Uniform in [-10, 10]²; also where a failed spectral solve falls back to, as in umap-learn. */
    RANDOM;

    /** The method called {@code name} (spectral, pca or random, any case). */
    public static InitMethod named(String name) {
        for (InitMethod m : values()) {
            if (m.toString().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("init must be spectral, pca or random, got '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
