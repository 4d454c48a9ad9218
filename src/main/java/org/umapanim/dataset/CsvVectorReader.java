package org.umapanim.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/**
 * A CSV table whose feature vector is one column of lists, as DuckDB and pandas write them:
 * {@code "[0.1, 0.2, …]"} (commas, quoted) or {@code [0.1 0.2 …]} (NumPy's spaces). The column is
 * {@code --features NAME}, else the only column whose first value is a list; the other columns are
 * label candidates ({@link LabelRule}). Every row must hold the same number of finite values.
 */
final class CsvVectorReader {
    private CsvVectorReader() {}

    /** The vector column: {@code features}, else the only column whose value in {@code first} is a list; -1 for none. */
    static int vectorColumn(List<String> header, List<String> first, String features, Path file) {
        List<String> lists = new ArrayList<>();
        for (int f = 0; f < Math.min(header.size(), first.size()); f++) {
            if (isList(first.get(f))) {
                lists.add(header.get(f));
            }
        }
        if (features != null) {
            if (!header.contains(features)) {
                throw new SettingProblem("features", "names no column of " + file.getFileName() + ": '" + features
                        + "' (columns: " + LabelRule.summary(header) + ")");
            }
            if (!lists.contains(features)) {
                throw new SettingProblem("features", "'" + features + "' holds single values, not lists like [0.1, 0.2]"
                        + " (list columns: " + (lists.isEmpty() ? "none" : String.join(", ", lists)) + ")");
            }
            return header.indexOf(features);
        }
        if (lists.size() > 1) {
            throw new FileProblem(file, "has " + lists.size() + " vector columns (" + String.join(", ", lists)
                    + "); name one with --features");
        }
        return lists.isEmpty() ? -1 : header.indexOf(lists.get(0));
    }

    private static boolean isList(String field) {
        String t = field.strip();
        return t.length() >= 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']';
    }

    /** Reads the data lines of {@code in} (after the header) into rows of the vector column. */
    static CsvReader.Rows read(BufferedReader in, Path file, List<String> header, int vectorAt, int labelAt, int limit)
            throws IOException {
        String column = header.get(vectorAt);
        CsvReader.Rows rows = new CsvReader.Rows();
        Map<String, String> labelText = new HashMap<>();
        float[] row = null;
        float[] growing = new float[64];
        long lineNo = 1;
        long blank = 0;
        String line;
        while (rows.count < limit && (line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                // with the vectors the only column, a blank line between rows is a missing vector
                // (DuckDB writes a null so), not layout: only blank lines at the end are skipped
                blank = blank == 0 && header.size() == 1 ? lineNo : blank;
                continue;
            }
            if (blank > 0) {
                throw new FileProblem(file, "line " + blank + ", column '" + column + "': empty, not a vector");
            }
            List<String> parts = CsvReader.split(line, file, lineNo);
            if (parts.size() != header.size()) {
                throw new FileProblem(file, "line " + lineNo + " has " + parts.size() + " fields but the header has "
                        + header.size());
            }
            String text = parts.get(vectorAt).strip();
            if (!isList(text)) {
                throw new FileProblem(file, "line " + lineNo + ", column '" + column + "': "
                        + (text.isEmpty() ? "empty, not a vector" : "'" + abbreviate(text) + "' is not a list like [0.1, 0.2]"));
            }
            String inner = text.substring(1, text.length() - 1);
            boolean commas = inner.indexOf(',') >= 0;
            int k = 0;
            int at = 0;
            while (at < inner.length()) {
                int end = commas ? inner.indexOf(',', at) : nextSpace(inner, at);
                end = end < 0 ? inner.length() : end;
                if (!commas && inner.substring(at, end).isBlank()) {
                    at = end + 1;
                    continue;
                }
                float v = Numbers.parse(inner, at, end, file, lineNo, column);
                if (row == null) {
                    if (k == growing.length) {
                        growing = java.util.Arrays.copyOf(growing, 2 * k);
                    }
                    growing[k] = v;
                } else if (k >= row.length) {
                    throw new FileProblem(file, "line " + lineNo + ", column '" + column + "': more than " + row.length
                            + " values, as many as the rows before have");
                } else {
                    row[k] = v;
                }
                k++;
                at = end + 1;
            }
            if (row == null) {
                if (k == 0) {
                    throw new FileProblem(file, "line " + lineNo + ", column '" + column + "': an empty list, not a vector");
                }
                row = java.util.Arrays.copyOf(growing, k);
            } else if (k != row.length) {
                throw new FileProblem(file, "line " + lineNo + ", column '" + column + "': " + k
                        + " values, the rows before have " + row.length);
            }
            String label = Dataset.NO_LABEL;
            if (labelAt >= 0) {
                label = parts.get(labelAt).strip();
                if (label.isEmpty()) {
                    throw new FileProblem(file, "line " + lineNo + ": empty label in column '" + header.get(labelAt) + "'");
                }
                label = labelText.computeIfAbsent(label, x -> x);
            }
            CsvReader.add(rows, row, label);
        }
        rows.width = row == null ? 0 : row.length;
        return rows;
    }

    private static int nextSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
