package org.umapanim.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.umapanim.common.FileProblem;

/**
 * Labels kept apart from the vectors ({@code --labels FILE}): a NumPy {@code .npy} of integers,
 * text or booleans (one dimension, or one column), or a text/CSV file with one label a line. A text
 * file with one line more than the data has rows starts with its column's name.
 */
final class LabelsFile {
    /** Equal labels share one String: a million rows carry a handful of distinct labels. */
    record Labels(String column, String[] values) {}

    /**
     * The label column's name when the labels come without one (an array, a text file without a
     * header): the arrays' own names are mostly y or y_train, and y is a column of epochs.parquet.
     */
    static final String ARRAY_COLUMN = "label";

    private LabelsFile() {}

    /** Reads {@code file}'s labels for the {@code rows} rows of {@code input}. */
    static Labels read(Path file, Path input, long rows) {
        if (!Files.isRegularFile(file)) {
            throw new FileProblem(file, Files.exists(file) ? "is not a file (--labels)" : "no such file (--labels)");
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String column;
        String[] values;
        if (lower.endsWith(".npy")) {
            column = ARRAY_COLUMN;
            values = fromNpy(file, input, rows);
        } else {
            List<String> lines = lines(file);
            int firstLine = 1;
            if (lines.size() == rows + 1) {
                firstLine = 2;
                column = unquote(lines.get(0), file, 1);
                lines = lines.subList(1, lines.size());
            } else if (lines.size() == rows) {
                column = ARRAY_COLUMN;
            } else {
                throw wrongLength(file, lines.size() + " lines", input, rows);
            }
            values = new String[lines.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = unquote(lines.get(i), file, i + firstLine);
            }
        }
        Map<String, String> shared = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i].isEmpty()) {
                throw new FileProblem(file, "label " + (i + 1) + " is empty");
            }
            values[i] = shared.computeIfAbsent(values[i], k -> k);
        }
        return new Labels(column, values);
    }

    private static String[] fromNpy(Path file, Path input, long rows) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            NpyArray array = NpyArray.open(file, in, Files.size(file));
            if (array.shape.length == 0 || array.perRow() != 1) {
                throw new FileProblem(file, "holds shape " + array.shapeText() + "; labels need one per row, "
                        + "a 1-D array or one column");
            }
            if (array.rows() != rows) {
                throw wrongLength(file, array.rows() + " labels", input, rows);
            }
            return array.texts(rows);
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    static FileProblem wrongLength(Path labels, String held, Path input, long rows) {
        return new FileProblem(labels, "holds " + held + " but " + input + " has " + rows + " rows");
    }

    private static List<String> lines(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new FileProblem(file, "is not UTF-8 text (give labels as one a line, or as .npy)", e);
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
        // a final newline does not start another row
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** One CSV field: quoted ("a, b" and "" for a quote) or plain without a comma. */
    private static String unquote(String line, Path file, long number) {
        String t = line.strip();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            String inner = t.substring(1, t.length() - 1);
            if (inner.replace("\"\"", "").contains("\"")) {
                throw new FileProblem(file, "line " + number + ": more than one column; labels need one a line");
            }
            return inner.replace("\"\"", "\"");
        }
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0) {
            throw new FileProblem(file, "line " + number + ": more than one column; labels need one a line");
        }
        return t;
    }
}
