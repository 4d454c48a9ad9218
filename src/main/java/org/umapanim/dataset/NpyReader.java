package org.umapanim.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/**
 * Reads a NumPy {@code .npy} array of vectors: row i is the array's first index i, its other
 * dimensions flattened in C order whatever the file's order. A 3-D array of whole numbers 0–255
 * ({@code (n, 28, 28)}, as Keras ships MNIST) is an image data set. Labels come from
 * {@code --labels FILE} ({@link LabelsFile}) or there are none.
 */
final class NpyReader {
    private NpyReader() {}

    static Dataset read(Path file, String label, int limit, ReadOptions options) {
        if (label != null && !LabelRule.NONE.equals(label)) {
            throw new SettingProblem("label", "names a column, and " + file.getFileName()
                    + " is a NumPy array without columns: give the labels as --labels FILE");
        }
        String sha = Checksums.sha256(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            NpyArray array = NpyArray.open(file, in, Files.size(file));
            LabelsFile.Labels labels = options.labels() == null || LabelRule.NONE.equals(label) ? null
                    : LabelsFile.read(options.labels(), file, array.rows());
            return dataset(array, TableName.of(file), sha, limit, labels, null);
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    /**
     * The data set of {@code array}'s values (its first {@code limit} rows, 0 for all).
     *
     * @param labels one per row of the whole array, or null for unlabelled
     * @param matrix which array of a file of several this is, for the footer; null for a lone array
     */
    static Dataset dataset(NpyArray array, String name, String sha, int limit, LabelsFile.Labels labels, String matrix) {
        Path file = array.shown;
        if (array.shape.length == 0) {
            throw new FileProblem(file, "holds a single value, not rows of vectors");
        }
        if (!array.type.numeric()) {
            throw new FileProblem(file, "holds " + array.type.descr() + " values, not numbers");
        }
        long n = array.rows();
        long d = array.perRow();
        if (n == 0 || d == 0) {
            throw new FileProblem(file, "holds shape " + array.shapeText() + ", no values");
        }
        long keep = limit == 0 ? n : Math.min(n, limit);
        if (keep * d > Integer.MAX_VALUE - 8) {
            throw new FileProblem(file, keep + " rows of " + d + " values are too many for one table; use --limit");
        }
        int cols = (int) d;
        float[] values = new float[(int) (keep * d)];
        boolean[] allBytes = {true};
        if (!array.fortran) {
            array.numbers(keep * d, (i, v) -> {
                values[(int) i] = finite(file, v, i / cols, (int) (i % cols));
                allBytes[0] &= LabelRule.isByte(values[(int) i]);
            });
        } else {
            // Fortran order: the first index varies fastest; every column must be passed through.
            int[] feature = fortranToC(array.shape);
            array.numbers((d - 1) * n + keep, (i, v) -> {
                long row = i % n;
                if (row < keep) {
                    int c = feature[(int) (i / n)];
                    int at = (int) (row * cols + c);
                    values[at] = finite(file, v, row, c);
                    allBytes[0] &= LabelRule.isByte(values[at]);
                }
            });
        }
        Optional<ImageShape> image = array.shape.length == 3 && allBytes[0]
                ? Optional.of(new ImageShape((int) array.shape[1], (int) array.shape[2])) : Optional.empty();
        List<String> columns = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            columns.add(image.isPresent() ? "pixel" + (c + 1) : "x" + c);
        }
        String[] rowLabels;
        if (labels == null) {
            rowLabels = new String[(int) keep];
            Arrays.fill(rowLabels, Dataset.NO_LABEL);
        } else {
            rowLabels = Arrays.copyOf(labels.values(), (int) keep);
        }
        return new Dataset(name, sha, columns, values, labels == null ? null : labels.column(), rowLabels, image, matrix);
    }

    /** For each column of a Fortran-order array's rows (first index dropped), its index in C order. */
    private static int[] fortranToC(long[] shape) {
        int d = 1;
        for (int k = 1; k < shape.length; k++) {
            d *= (int) shape[k];
        }
        int[] out = new int[d];
        for (int f = 0; f < d; f++) {
            int rest = f;
            int c = 0;
            int stride = d;
            for (int k = 1; k < shape.length; k++) {
                stride /= (int) shape[k];
                c += (rest % (int) shape[k]) * stride;
                rest /= (int) shape[k];
            }
            out[f] = c;
        }
        return out;
    }

    private static float finite(Path file, double v, long row, int column) {
        float f = (float) v;
        if (!Float.isFinite(f)) {
            throw new FileProblem(file, "row " + (row + 1) + ", column " + column + ": "
                    + (Double.isFinite(v) ? v + " is too large for a float (not a finite number)"
                            : v + " is not a finite number"));
        }
        return f;
    }
}
