package org.umapanim.dataset;

import java.nio.file.Path;

/**
 * How to read the formats that hold more than one table ({@code --labels}, {@code --array},
 * {@code --features}, {@code --use-rep}); each is null when not given.
 *
 * @param labels   a file of one label per row, for inputs that have none of their own (.npy, .npz)
 * @param array    which array of an .npz archive holds the vectors (default: the first)
 * @param features which list column of a Parquet or CSV table holds the vectors (default: the only one)
 * @param useRep   which matrix of an .h5ad file is embedded: an obsm key, X, or layers/NAME
 *                 (default: scanpy's rule, see {@link H5adReader})
 */
public record ReadOptions(Path labels, String array, String features, String useRep) {
    /** Nothing given: every format's default. */
    public static final ReadOptions DEFAULTS = new ReadOptions(null, null, null, null);
}
