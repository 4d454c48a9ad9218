package org.umapanim.dataset;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.LibraryLogs;
import org.umapanim.common.SettingProblem;
import org.umapanim.knn.CompressedMatrix;
import org.umapanim.knn.SparsePrincipalComponents;

/**
 * Reads an AnnData {@code .h5ad} file (HDF5, through jhdf) as scanpy's UMAP sees it. The rows are
 * the cells ({@code obs}); the matrix embedded follows scanpy's rule: {@code obsm/X_pca} when
 * present, else {@code X} when it has at most 50 columns, else the first 50 principal components
 * of {@code X}, taken from the sparse matrix itself ({@link SparsePrincipalComponents}) when
 * {@code X} is sparse. {@code --use-rep} picks any {@code obsm} key, {@code X} or
 * {@code layers/NAME}. Labels are an {@code obs} column: categorical (codes and categories; the
 * classes keep the categories' order, as scanpy's legend does), text, integer or boolean.
 *
 * <p>Both layouts are read: anndata ≥ 0.8 tags every element with {@code encoding-type}
 * (a categorical column is a group of {@code codes} and {@code categories}; a sparse matrix a
 * {@code csr_matrix} or {@code csc_matrix} group with a {@code shape}); anndata 0.7 keeps a
 * categorical column's codes as a dataset whose categories are in {@code obs/__categories/NAME},
 * and marks sparse groups with {@code h5sparse_format} and {@code h5sparse_shape}.
 */
final class H5adReader {
    /** scanpy's n_comps for sc.pp.pca, and its threshold for embedding X itself. */
    static final int SCANPY_COMPONENTS = 50;
    /** The PCA's random start: fixed, so a file gives the same matrix every run. */
    private static final long PCA_SEED = 0;
    private static final byte[] MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    /** Tried, after {@link LabelRule#AUTO}, when no --label is given: scanpy's usual cluster and type columns. */
    private static final List<String> AUTO_LABELS = List.of("cell_type", "celltype", "leiden", "louvain");

    private H5adReader() {}

    /** A matrix of the file as the rows to embed, and what it was, for the footer. */
    private record Matrix(float[] values, int cols, List<String> columns, String description) {}

    static Dataset read(Path file, String label, int limit, ReadOptions options) {
        requireHdf5(file);
        LibraryLogs.quietByDefault();
        String sha = Checksums.sha256(file);
        try (HdfFile h5 = new HdfFile(file)) {
            int n = cells(h5, file);
            int keep = limit == 0 ? n : Math.min(n, limit);
            List<String> obs = obsColumns(h5);
            int labelAt = labelIndex(obs, label, file);
            Labels labels = labelAt < 0 ? new Labels(unlabelled(keep), null)
                    : obsColumn(h5, file, obs.get(labelAt), n, keep);
            Matrix m = matrix(h5, file, options.useRep(), n, keep);
            return new Dataset(TableName.of(file), sha, m.columns(), m.values(),
                    labelAt < 0 ? null : obs.get(labelAt), labels.values(), Optional.empty(), m.description(),
                    labels.order());
        } catch (FileProblem | SettingProblem e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FileProblem(file, "not a readable .h5ad file: " + ParquetFiles.detail(e), e);
        }
    }

    /** HDF5's signature, at 0 or after a user block of 512, 1024, 2048 … bytes. */
    private static void requireHdf5(Path file) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            for (long at = 0; at + MAGIC.length <= size; at = at == 0 ? 512 : at * 2) {
                java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(MAGIC.length);
                while (head.hasRemaining() && channel.read(head, at + head.position()) > 0) {
                    // the signature's eight bytes
                }
                if (Arrays.equals(head.array(), MAGIC)) {
                    return;
                }
            }
            throw new FileProblem(file, "not an HDF5 file (an .h5ad file is HDF5)");
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    /** The node at {@code path}, or null when there is none. */
    private static Node find(HdfFile h5, String path) {
        Node node = h5;
        for (String part : path.split("/")) {
            if (!(node instanceof Group g)) {
                return null;
            }
            node = g.getChildren().get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    // ---- cells and labels -------------------------------------------------------------------

    private static int cells(HdfFile h5, Path file) {
        Node obs = h5.getChild("obs");
        if (obs instanceof Group g) {
            String index = stringAttribute(g, "_index");
            Node ix = g.getChild(index == null ? "_index" : index);
            if (ix instanceof io.jhdf.api.Dataset d) {
                return d.getDimensions()[0];
            }
        }
        Node x = h5.getChild("X");
        if (x != null) {
            return shape(x, file)[0];
        }
        throw new FileProblem(file, "has neither obs nor X; is it an AnnData file?");
    }

    private static List<String> obsColumns(HdfFile h5) {
        Node obs = h5.getChild("obs");
        List<String> names = new ArrayList<>();
        if (!(obs instanceof Group g)) {
            return names;
        }
        Object order = attribute(g, "column-order");
        if (order instanceof String[] s) {
            names.addAll(Arrays.asList(s));
        } else if (order instanceof String s) {
            names.add(s);
        } else {
            String index = stringAttribute(g, "_index");
            for (String child : g.getChildren().keySet()) {
                if (!child.equals(index) && !child.equals("_index") && !child.startsWith("__")) {
                    names.add(child);
                }
            }
        }
        return names;
    }

    private static int labelIndex(List<String> obs, String label, Path file) {
        if (label != null && !LabelRule.NONE.equals(label) && !obs.contains(label)) {
            throw new SettingProblem("label", "names no obs column of " + file.getFileName() + ": '" + label
                    + "' (obs columns: " + (obs.isEmpty() ? "none" : LabelRule.summary(obs)) + ")");
        }
        int at = LabelRule.labelIndex(obs, label, file);
        if (at < 0 && label == null) {
            for (String auto : AUTO_LABELS) {
                if (obs.contains(auto)) {
                    return obs.indexOf(auto);
                }
            }
        }
        return at;
    }

    private static String[] unlabelled(int keep) {
        String[] labels = new String[keep];
        Arrays.fill(labels, Dataset.NO_LABEL);
        return labels;
    }

    /** An obs column's values as text, and the order of its categories (null when it is not categorical). */
    private record Labels(String[] values, List<String> order) {}

    /** The first {@code keep} values of obs column {@code name} as text. */
    private static Labels obsColumn(HdfFile h5, Path file, String name, int n, int keep) {
        Group obs = (Group) h5.getChild("obs");
        Node node = obs.getChild(name);
        String type = stringAttribute(node, "encoding-type");
        String[] text;
        List<String> order = null;
        if (node instanceof Group g && "categorical".equals(type)) {
            String[] categories = texts(g.getChild("categories"));
            order = Arrays.asList(categories);
            text = categorical(file, name, values(g.getChild("codes")), categories, keep);
        } else if (node instanceof Group g && type != null && type.startsWith("nullable-")) {
            Object values = values(g.getChild("values"));
            Object mask = values(g.getChild("mask"));
            text = texts(values);
            long[] missing = integers(mask);
            for (int i = 0; i < Math.min(keep, missing.length); i++) {
                if (missing[i] != 0) {
                    throw new FileProblem(file, "row " + (i + 1) + ": missing label (NA) in obs column '" + name + "'");
                }
            }
        } else if (node instanceof io.jhdf.api.Dataset d && attribute(d, "categories") != null) {
            // anndata 0.7: the codes here, the categories behind an object reference into __categories
            Node categories = find(h5, "obs/__categories/" + name);
            if (categories == null) {
                throw new FileProblem(file, "obs column '" + name + "' has categories but obs/__categories/" + name
                        + " is missing");
            }
            String[] stored = texts(categories);
            order = Arrays.asList(stored);
            text = categorical(file, name, values(d), stored, keep);
        } else if (node instanceof io.jhdf.api.Dataset d) {
            text = texts(values(d));
        } else {
            throw new FileProblem(file, "obs column '" + name + "' is a " + (type == null ? "group" : type)
                    + ", not labels (categorical, text, integer or boolean)");
        }
        if (text.length != n) {
            throw new FileProblem(file, "obs column '" + name + "' has " + text.length + " values for " + n + " cells");
        }
        Map<String, String> shared = new HashMap<>();
        String[] out = new String[keep];
        for (int i = 0; i < keep; i++) {
            if (text[i] == null || text[i].isEmpty()) {
                throw new FileProblem(file, "row " + (i + 1) + ": missing label in obs column '" + name + "'");
            }
            out[i] = shared.computeIfAbsent(text[i], k -> k);
        }
        return new Labels(out, order);
    }

    private static String[] categorical(Path file, String name, Object codes, String[] categories, int keep) {
        long[] c = integers(codes);
        String[] out = new String[c.length];
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0 || c[i] >= categories.length) {
                if (i < keep) {
                    throw new FileProblem(file, "row " + (i + 1) + ": " + (c[i] < 0 ? "missing label (NaN)"
                            : "category code " + c[i] + " of " + categories.length) + " in obs column '" + name + "'");
                }
                continue;
            }
            out[i] = categories[(int) c[i]];
        }
        return out;
    }

    // ---- the matrix -------------------------------------------------------------------------

    private static Matrix matrix(HdfFile h5, Path file, String useRep, int n, int keep) {
        if (useRep == null) {
            Node pca = find(h5, "obsm/X_pca");
            if (pca != null) {
                return dense(file, pca, "obsm/X_pca", "X_pca", n, keep);
            }
            Node x = h5.getChild("X");
            if (x == null) {
                throw new FileProblem(file, "has neither obsm/X_pca nor X to embed");
            }
            int[] shape = shape(x, file);
            if (shape[1] <= SCANPY_COMPONENTS) {
                return matrixOf(file, x, "X", n, keep);
            }
            return principalComponents(file, x, n, keep);
        }
        if (useRep.equals("X") || useRep.startsWith("layers/")) {
            Node node = find(h5, useRep);
            if (node == null) {
                throw noRep(h5, file, useRep);
            }
            return matrixOf(file, node, useRep, n, keep);
        }
        String key = useRep.startsWith("obsm/") ? useRep.substring(5) : useRep;
        Node node = find(h5, "obsm/" + key);
        if (node == null) {
            throw noRep(h5, file, useRep);
        }
        return matrixOf(file, node, "obsm/" + key, n, keep);
    }

    private static SettingProblem noRep(HdfFile h5, Path file, String useRep) {
        List<String> there = new ArrayList<>();
        if (h5.getChild("obsm") instanceof Group g) {
            there.addAll(g.getChildren().keySet());
        }
        if (h5.getChild("X") != null) {
            there.add("X");
        }
        if (h5.getChild("layers") instanceof Group g) {
            g.getChildren().keySet().forEach(k -> there.add("layers/" + k));
        }
        return new SettingProblem("useRep", "names no matrix of " + file.getFileName() + ": '" + useRep
                + "' (there are: " + (there.isEmpty() ? "none" : String.join(", ", there)) + ")");
    }

    private static Matrix matrixOf(Path file, Node node, String path, int n, int keep) {
        if (node instanceof Group g) {
            CompressedMatrix sparse = sparse(file, g, path, n);
            return fromSparse(file, sparse, path, keep);
        }
        return dense(file, node, path, prefix(path), n, keep);
    }

    private static String prefix(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static Matrix dense(Path file, Node node, String path, String prefix, int n, int keep) {
        if (!(node instanceof io.jhdf.api.Dataset d)) {
            throw new FileProblem(file, path + " is a " + stringAttribute(node, "encoding-type")
                    + ", not a matrix of numbers");
        }
        int[] dims = d.getDimensions();
        if (dims.length != 2 || dims[0] != n) {
            throw new FileProblem(file, path + " has shape " + Arrays.toString(dims) + ", not " + n + " cells × columns");
        }
        int cols = dims[1];
        if ((long) keep * cols > Integer.MAX_VALUE - 8) {
            throw new FileProblem(file, path + ": " + keep + " cells × " + cols + " columns are too many to hold densely;"
                    + " use --limit or let the default take 50 principal components");
        }
        float[] values = new float[keep * cols];
        // read in blocks of rows: jhdf returns a Java array per row, and a block keeps that garbage small
        int blockRows = Math.max(1, (1 << 20) / Math.max(1, cols));
        for (int r0 = 0; r0 < keep; r0 += blockRows) {
            int rows = Math.min(blockRows, keep - r0);
            Object block = d.getData(new long[] {r0, 0}, new int[] {rows, cols});
            for (int r = 0; r < rows; r++) {
                double[] row = doubles(java.lang.reflect.Array.get(block, r));
                for (int c = 0; c < cols; c++) {
                    values[(r0 + r) * cols + c] = finite(file, path, row[c], r0 + r, c);
                }
            }
        }
        return new Matrix(values, cols, names(prefix, cols), path);
    }

    private static Matrix fromSparse(Path file, CompressedMatrix a, String path, int keep) {
        CompressedMatrix rows = firstRows(a, keep);
        if ((long) keep * a.cols() > Integer.MAX_VALUE - 8) {
            throw new FileProblem(file, path + ": " + keep + " cells × " + a.cols() + " columns are too many to hold densely;"
                    + " use --limit or let the default take 50 principal components");
        }
        return new Matrix(rows.dense(), a.cols(), names(prefix(path), a.cols()), path);
    }

    private static Matrix principalComponents(Path file, Node x, int n, int keep) {
        float[] scores;
        int k;
        if (x instanceof Group g) {
            CompressedMatrix a = firstRows(sparse(file, g, "X", n), keep);
            k = Math.min(SCANPY_COMPONENTS, Math.min(a.rows(), a.cols()));
            scores = SparsePrincipalComponents.scores(a, k, PCA_SEED);
        } else {
            Matrix dense = dense(file, x, "X", "X", n, keep);
            k = Math.min(SCANPY_COMPONENTS, Math.min(keep, dense.cols()));
            scores = SparsePrincipalComponents.scores(dense.values(), keep, dense.cols(), k, PCA_SEED);
        }
        return new Matrix(scores, k, names("PC", k), "first " + k + " principal components of X");
    }

    /** The rows {@code 0 … keep-1} of {@code a}. */
    private static CompressedMatrix firstRows(CompressedMatrix a, int keep) {
        if (keep == a.rows()) {
            return a;
        }
        if (a.byRow()) {
            int end = (int) a.pointers()[keep];
            return new CompressedMatrix(keep, a.cols(), true, Arrays.copyOf(a.pointers(), keep + 1),
                    Arrays.copyOf(a.indices(), end), Arrays.copyOf(a.values(), end));
        }
        long[] pointers = new long[a.cols() + 1];
        int kept = 0;
        for (int e = 0; e < a.values().length; e++) {
            kept += a.indices()[e] < keep ? 1 : 0;
        }
        int[] indices = new int[kept];
        float[] values = new float[kept];
        int at = 0;
        for (int c = 0; c < a.cols(); c++) {
            for (long e = a.pointers()[c]; e < a.pointers()[c + 1]; e++) {
                if (a.indices()[(int) e] < keep) {
                    indices[at] = a.indices()[(int) e];
                    values[at++] = a.values()[(int) e];
                }
            }
            pointers[c + 1] = at;
        }
        return new CompressedMatrix(keep, a.cols(), false, pointers, indices, values);
    }

    private static CompressedMatrix sparse(Path file, Group g, String path, int n) {
        String type = stringAttribute(g, "encoding-type");
        String legacy = stringAttribute(g, "h5sparse_format");
        boolean byRow;
        if ("csr_matrix".equals(type) || "csr".equals(legacy)) {
            byRow = true;
        } else if ("csc_matrix".equals(type) || "csc".equals(legacy)) {
            byRow = false;
        } else {
            throw new FileProblem(file, path + " is a " + (type == null ? "group" : type)
                    + ", not a matrix (dense, csr_matrix or csc_matrix)");
        }
        int[] shape = shape(g, file);
        if (shape[0] != n) {
            throw new FileProblem(file, path + " has " + shape[0] + " rows for " + n + " cells");
        }
        long[] pointers = integers(values(g.getChild("indptr")));
        Object rawIndices = values(g.getChild("indices"));
        int[] indices = rawIndices instanceof int[] ints ? ints : Arrays.stream(integers(rawIndices)).mapToInt(Math::toIntExact).toArray();
        float[] data = floats(values(g.getChild("data")));
        int major = byRow ? shape[0] : shape[1];
        int minor = byRow ? shape[1] : shape[0];
        if (pointers.length != major + 1 || indices.length != data.length || pointers[major] != data.length) {
            throw new FileProblem(file, path + ": indptr, indices and data do not agree with its shape "
                    + shape[0] + " × " + shape[1]);
        }
        for (int e = 0; e < indices.length; e++) {
            if (indices[e] < 0 || indices[e] >= minor) {
                throw new FileProblem(file, path + ": index " + indices[e] + " outside 0 … " + (minor - 1));
            }
            if (!Float.isFinite(data[e])) {
                throw new FileProblem(file, path + ": stored value " + (e + 1) + " is " + data[e] + ", not a finite number");
            }
        }
        for (int m = 0; m < major; m++) {
            if (pointers[m + 1] < pointers[m]) {
                throw new FileProblem(file, path + ": indptr decreases at " + (m + 1));
            }
        }
        return new CompressedMatrix(shape[0], shape[1], byRow, pointers, indices, data);
    }

    /** An element's shape: a dataset's dimensions, or a sparse group's shape attribute. */
    private static int[] shape(Node node, Path file) {
        if (node instanceof io.jhdf.api.Dataset d) {
            int[] dims = d.getDimensions();
            return dims.length == 2 ? dims : new int[] {dims.length == 0 ? 1 : dims[0], 1};
        }
        Object shape = attribute(node, "shape");
        if (shape == null) {
            shape = attribute(node, "h5sparse_shape");
        }
        if (shape == null) {
            throw new FileProblem(file, node.getPath() + " has no shape; it is not an AnnData matrix");
        }
        long[] s = integers(shape);
        return new int[] {Math.toIntExact(s[0]), Math.toIntExact(s[1])};
    }

    private static List<String> names(String prefix, int cols) {
        List<String> names = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            names.add(prefix + "_" + (c + 1));
        }
        return names;
    }

    private static float finite(Path file, String path, double v, int row, int col) {
        float f = (float) v;
        if (!Float.isFinite(f)) {
            throw new FileProblem(file, path + ", row " + (row + 1) + ", column " + (col + 1) + ": " + v
                    + (Double.isFinite(v) ? " is too large for a float" : " is not a finite number"));
        }
        return f;
    }

    // ---- jhdf's Java arrays -----------------------------------------------------------------

    private static Object values(Node node) {
        if (!(node instanceof io.jhdf.api.Dataset d)) {
            throw new IllegalStateException((node == null ? "a missing element" : node.getPath()) + " is not a dataset");
        }
        return d.getDataFlat();
    }

    private static Object attribute(Node node, String name) {
        if (node == null) {
            return null;
        }
        Attribute a = node.getAttributes().get(name);
        return a == null ? null : a.getData();
    }

    private static String stringAttribute(Node node, String name) {
        Object v = attribute(node, name);
        return v instanceof String s ? s : v instanceof String[] s && s.length == 1 ? s[0] : null;
    }

    private static long[] integers(Object array) {
        if (array instanceof long[] l) {
            return l;
        }
        double[] d = doubles(array);
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (long) d[i];
        }
        return out;
    }

    private static float[] floats(Object array) {
        if (array instanceof float[] f) {
            return f;
        }
        double[] d = doubles(array);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    private static double[] doubles(Object array) {
        if (array instanceof double[] d) {
            return d;
        }
        // the usual primitive arrays without boxing each value (Array.get boxes: slow on a dense X)
        if (array instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        if (array instanceof int[] v) {
            return Arrays.stream(v).asDoubleStream().toArray();
        }
        if (array instanceof long[] v) {
            return Arrays.stream(v).asDoubleStream().toArray();
        }
        int n = java.lang.reflect.Array.getLength(array);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = java.lang.reflect.Array.get(array, i);
            out[i] = v instanceof Number num ? num.doubleValue() : v instanceof Boolean b ? (b ? 1 : 0)
                    : v instanceof String s ? (s.equalsIgnoreCase("TRUE") ? 1 : 0) : Double.NaN;
        }
        return out;
    }

    /** Values as label text: strings as stored, whole numbers without a decimal point, booleans as true/false. */
    private static String[] texts(Object array) {
        if (array instanceof Node node) {
            return texts(values(node));
        }
        if (array instanceof String[] s) {
            String[] out = new String[s.length];
            for (int i = 0; i < s.length; i++) {
                // h5py's booleans are an enum of FALSE and TRUE
                out[i] = s[i].equals("TRUE") ? "true" : s[i].equals("FALSE") ? "false" : s[i];
            }
            return out;
        }
        int n = java.lang.reflect.Array.getLength(array);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = java.lang.reflect.Array.get(array, i);
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                out[i] = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
            } else {
                out[i] = String.valueOf(v);
            }
        }
        return out;
    }
}
