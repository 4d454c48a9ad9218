package org.umapanim.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/**
 * Reads a NumPy {@code .npz} archive (a zip of {@code .npy} files, stored by {@code np.savez},
 * deflated by {@code np.savez_compressed}): the vectors are {@code --array NAME}, by default the
 * first array; the labels are the array named by {@code --label}, or {@code --labels FILE}, or none.
 */
final class NpzReader {
    private NpzReader() {}

    static Dataset read(Path file, String label, int limit, ReadOptions options) {
        String sha = Checksums.sha256(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(arrayName(e)));
            if (names.isEmpty()) {
                throw new FileProblem(file, "is an empty .npz archive");
            }
            String wanted = options.array() == null ? names.get(0) : options.array();
            ZipEntry vectors = entry(zip, wanted);
            if (vectors == null) {
                throw new SettingProblem("array", "names no array of " + file.getFileName() + ": '" + wanted
                        + "' (arrays: " + LabelRule.summary(names) + ")");
            }
            boolean labelArray = label != null && !LabelRule.NONE.equals(label);
            if (labelArray && options.labels() != null) {
                throw new SettingProblem("label", "and --labels both give labels; use one");
            }
            LabelsFile.Labels labels = null;
            if (labelArray) {
                ZipEntry entry = entry(zip, label);
                if (entry == null) {
                    throw new SettingProblem("label", "names no array of " + file.getFileName() + ": '" + label
                            + "' (arrays: " + LabelRule.summary(names) + ")");
                }
                labels = labelsArray(zip, entry, file, shown(file, vectors), rowsOf(zip, vectors, file));
            }
            try (InputStream in = open(zip, vectors)) {
                NpyArray array = NpyArray.open(shown(file, vectors), in, vectors.getSize());
                if (labels == null && options.labels() != null && !LabelRule.NONE.equals(label)) {
                    labels = LabelsFile.read(options.labels(), file, array.rows());
                }
                return NpyReader.dataset(array, TableName.of(file), sha, limit, labels, arrayName(vectors));
            }
        } catch (ZipException e) {
            throw new FileProblem(file, "not a readable .npz (zip) file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    private static long rowsOf(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        try (InputStream in = open(zip, entry)) {
            return NpyArray.open(shown(file, entry), in, entry.getSize()).rows();
        }
    }

    private static LabelsFile.Labels labelsArray(ZipFile zip, ZipEntry entry, Path file, Path vectors, long rows)
            throws IOException {
        Path shown = shown(file, entry);
        try (InputStream in = open(zip, entry)) {
            NpyArray array = NpyArray.open(shown, in, entry.getSize());
            if (array.shape.length == 0 || array.perRow() != 1) {
                throw new FileProblem(shown, "holds shape " + array.shapeText() + "; labels need one per row");
            }
            if (array.rows() != rows) {
                throw LabelsFile.wrongLength(shown, array.rows() + " labels", vectors, rows);
            }
            String[] values = array.texts(rows);
            java.util.Map<String, String> shared = new java.util.HashMap<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i].isEmpty()) {
                    throw new FileProblem(shown, "label " + (i + 1) + " is empty");
                }
                values[i] = shared.computeIfAbsent(values[i], k -> k);
            }
            return new LabelsFile.Labels(LabelsFile.ARRAY_COLUMN, values);
        }
    }

    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry e = zip.getEntry(name + ".npy");
        return e != null ? e : zip.getEntry(name);
    }

    private static InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        return new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
    }

    /** An array's name in messages: {@code vectors.npz:X}. */
    private static Path shown(Path file, ZipEntry entry) {
        return Path.of(file + ":" + arrayName(entry));
    }

    private static String arrayName(ZipEntry entry) {
        String n = entry.getName();
        return n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n;
    }
}
