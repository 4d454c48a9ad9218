package org.umapanim.dataset;

import java.util.List;
import java.util.Optional;

/**
 * A labelled table of numbers: what every reader produces and what UMAP embeds.
 *
 * @param name         what the data set is called (file name or built-in name), for titles and metadata
 * @param sha256       checksum of the source file(s), for reproducibility records
 * @param columns      names of the d feature columns ({@code pixel1 … pixelD} for images)
 * @param values       the n × d matrix, row-major: row i is {@code values[i*d … i*d+d-1]}
 * @param labelColumn  name of the label column ({@code digit} for MNIST), or null when unlabelled
 * @param labels       n class labels as text (all the same when unlabelled)
 * @param image        the pixel grid when every row is an image, else empty
 */
public record Dataset(
        String name,
        String sha256,
        List<String> columns,
        float[] values,
        String labelColumn,
        String[] labels,
        Optional<ImageShape> image) {

    public int rows() {
        return labels.length;
    }

    public int cols() {
        return columns.size();
    }
}
