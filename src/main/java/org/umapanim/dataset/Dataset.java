package org.umapanim.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.umapanim.common.Checksums;

/**
 * A labelled table of numbers: what every reader produces and what UMAP embeds.
 *
 * @param name         what the data set is called (file name or built-in name), for titles and metadata
 * @param sha256       checksum of the source file(s), for reproducibility records
 * @param columns      names of the d feature columns ({@code pixel1 … pixelD} for images)
 * @param values       the n × d matrix, row-major: row i is {@code values[i*d … i*d+d-1]}
 * @param labelColumn  name of the label column ({@code digit} for MNIST), or null when unlabelled
 * @param labels       n class labels as text (all {@link #NO_LABEL} when unlabelled)
 * @param image        the pixel grid when every row is an image, else empty
 * @param matrix       which of the file's matrices the values are ({@code obsm/X_pca}, an .npz
 *                     array, a vector column), for the footer; null when the file holds only one
 * @param classes      the distinct labels in display order (legend, palette): the order the file
 *                     states (see {@link ClassOrder}), names no row has left out; given null or partial,
 *                     completed by its rule
 */
public record Dataset(
        String name,
        String sha256,
        List<String> columns,
        float[] values,
        String labelColumn,
        String[] labels,
        Optional<ImageShape> image,
        String matrix,
        List<String> classes) {

    /** The label of every row of an unlabelled data set. */
    public static final String NO_LABEL = "";

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(image, "image");
        columns = List.copyOf(columns);
        if ((long) labels.length * columns.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + labels.length
                    + " rows × " + columns.size() + " columns");
        }
        if (image.isPresent() && image.get().pixels() != columns.size()) {
            throw new IllegalArgumentException("image " + image.get() + " does not match " + columns.size() + " columns");
        }
        classes = ClassOrder.of(labels, classes == null ? List.of() : classes);
    }

    /** A data set whose file states no class order: its classes follow {@link ClassOrder}'s rule. */
    public Dataset(String name, String sha256, List<String> columns, float[] values, String labelColumn,
            String[] labels, Optional<ImageShape> image, String matrix) {
        this(name, sha256, columns, values, labelColumn, labels, image, matrix, null);
    }

    /** A data set read from a file that holds one matrix. */
    public Dataset(String name, String sha256, List<String> columns, float[] values, String labelColumn,
            String[] labels, Optional<ImageShape> image) {
        this(name, sha256, columns, values, labelColumn, labels, image, null);
    }

    public int rows() {
        return labels.length;
    }

    public int cols() {
        return columns.size();
    }

    public boolean labelled() {
        return labelColumn != null;
    }

    /** The first {@code n} rows ({@code --limit}); the whole set when it has no more than n. */
    public Dataset limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + n);
        }
        if (n >= rows()) {
            return this;
        }
        return new Dataset(name, sha256, columns, Arrays.copyOf(values, n * cols()), labelColumn,
                Arrays.copyOf(labels, n), image, matrix, classes);
    }

    /**
     * {@code n} rows drawn at random without replacement ({@code --sample}), in the order drawn, so a
     * file sorted by class does not come out sorted (later points are drawn on top). Same seed, same rows.
     */
    public Dataset sample(int n, long seed) {
        if (n < 1 || n > rows()) {
            throw new IllegalArgumentException("cannot sample " + n + " rows from " + rows() + " rows of " + name);
        }
        int[] order = new int[rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Partial Fisher–Yates: the first n entries become a uniform random sample.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int d = cols();
        float[] picked = new float[n * d];
        String[] pickedLabels = new String[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, order[i] * d, picked, i * d, d);
            pickedLabels[i] = labels[order[i]];
        }
        return new Dataset(name, sha256, columns, picked, labelColumn, pickedLabels, image, matrix, classes);
    }

    /**
     * The rows of {@code parts} one after another (e.g. MNIST's train and test files). The parts must
     * have the same columns, label column and image shape; their class order is kept when they all
     * have the same one. The checksum is the SHA-256 of the parts' checksums, each as hex followed by
     * a newline, in order.
     */
    public static Dataset concat(String name, List<Dataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        Dataset first = parts.get(0);
        long n = 0;
        for (Dataset part : parts) {
            if (!part.columns.equals(first.columns) || !Objects.equals(part.labelColumn, first.labelColumn)
                    || !part.image.equals(first.image)) {
                throw new IllegalArgumentException("cannot concatenate " + part.name + " to " + first.name
                        + ": different columns, label column or image shape");
            }
            n += part.rows();
        }
        int d = first.cols();
        if (n * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " rows × " + d + " columns are too many for one table");
        }
        float[] values = new float[(int) (n * d)];
        String[] labels = new String[(int) n];
        StringBuilder checksums = new StringBuilder();
        int row = 0;
        for (Dataset part : parts) {
            System.arraycopy(part.values, 0, values, row * d, part.values.length);
            System.arraycopy(part.labels, 0, labels, row, part.rows());
            row += part.rows();
            checksums.append(part.sha256).append('\n');
        }
        String sha = Checksums.sha256(checksums.toString().getBytes(StandardCharsets.US_ASCII));
        // one order when the parts agree on it; else the rule (part orders run one after another would not be one)
        boolean sameOrder = parts.stream().allMatch(p -> p.classes.equals(first.classes));
        return new Dataset(name, sha, first.columns, values, first.labelColumn, labels, first.image, first.matrix,
                sameOrder ? first.classes : null);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + rows() + " rows × " + cols() + " columns"
                + (labelled() ? ", label " + labelColumn : ", unlabelled")
                + image.map(s -> ", image " + s.height() + "x" + s.width()).orElse("") + "]";
    }
}
