package org.umapanim.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;

/**
 * Reads a comma-separated table with a header row (UTF-8, optionally gzip-compressed): one label
 * column chosen by {@link LabelRule}, every other column numeric. Fields may be quoted with
 * {@code "} (a quoted field may not span lines); blank lines are skipped. A table with a column of
 * lists is read by {@link CsvVectorReader}.
 */
final class CsvReader {
    private CsvReader() {}

    static Dataset read(Path file, String label, int limit, String featuresColumn) {
        MessageDigest digest = Checksums.sha256();
        try (Checksums.Hashing hashing = new Checksums.Hashing(Source.of(file).open(), digest);
                BufferedReader in = new BufferedReader(new InputStreamReader(IdxReader.decompressed(hashing),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 1 << 16)) {
            String headerLine = in.readLine();
            if (headerLine != null && headerLine.startsWith("\uFEFF")) {
                headerLine = headerLine.substring(1);
            }
            if (headerLine == null || headerLine.isBlank()) {
                throw new FileProblem(file, "empty file: no header row");
            }
            List<String> header = split(headerLine, file, 1);
            Set<String> seen = new HashSet<>();
            for (String name : header) {
                if (!seen.add(name)) {
                    throw new FileProblem(file, "line 1: column '" + name + "' appears twice in the header");
                }
            }
            // a column of lists ("[0.1, 0.2]") in the first data line makes the table one of vectors
            in.mark(1 << 20); // a first line of up to a million characters (4,096 dimensions take about 80,000)
            String first = in.readLine();
            while (first != null && first.isBlank()) {
                first = in.readLine();
            }
            in.reset();
            int vectorAt = first == null ? -1
                    : CsvVectorReader.vectorColumn(header, split(first, file, 2), featuresColumn, file);
            if (vectorAt >= 0) {
                return vectors(file, in, hashing, digest, header, vectorAt, label, limit);
            }
            int labelAt = LabelRule.labelIndex(header, label, file);
            List<String> features = new ArrayList<>(header);
            if (labelAt >= 0) {
                features.remove(labelAt);
            }
            if (features.isEmpty()) {
                throw new FileProblem(file, "no numeric columns besides the label column '" + header.get(labelAt) + "'");
            }
            Rows rows = readRows(in, file, header, labelAt, limit == 0 ? Integer.MAX_VALUE : limit);
            if (rows.count == 0) {
                throw new FileProblem(file, "no data rows after the header");
            }
            hashing.drain();
            String[] labels = Arrays.copyOf(rows.labels, rows.count);
            return new Dataset(TableName.of(file), Checksums.hex(digest), features,
                    Arrays.copyOf(rows.values, rows.count * features.size()),
                    labelAt < 0 ? null : header.get(labelAt), labels,
                    LabelRule.imageShape(features, rows.allBytes));
        } catch (CharacterCodingException e) {
            throw new FileProblem(file, "not UTF-8 text", e);
        } catch (ZipException e) {
            throw new FileProblem(file, "corrupt gzip data: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new FileProblem(file, "truncated: the compressed data ends early", e);
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    private static Dataset vectors(Path file, BufferedReader in, Checksums.Hashing hashing, MessageDigest digest,
            List<String> header, int vectorAt, String label, int limit) throws IOException {
        List<String> others = new ArrayList<>(header);
        others.remove(vectorAt);
        int labelAt = LabelRule.labelIndex(others, label, file);
        labelAt = labelAt < 0 ? -1 : header.indexOf(others.get(labelAt));
        Rows rows = CsvVectorReader.read(in, file, header, vectorAt, labelAt, limit == 0 ? Integer.MAX_VALUE : limit);
        if (rows.count == 0) {
            throw new FileProblem(file, "no data rows after the header");
        }
        hashing.drain();
        String column = header.get(vectorAt);
        List<String> columns = new ArrayList<>(rows.width);
        for (int k = 0; k < rows.width; k++) {
            columns.add(column + "_" + k);
        }
        return new Dataset(TableName.of(file), Checksums.hex(digest), columns,
                Arrays.copyOf(rows.values, rows.count * rows.width), labelAt < 0 ? null : header.get(labelAt),
                Arrays.copyOf(rows.labels, rows.count), java.util.Optional.empty(), column);
    }

    /** Rows as they are read: values row-major in a growing array, {@code width} of them a row. */
    static final class Rows {
        float[] values = new float[1 << 16];
        String[] labels = new String[1024];
        int count;
        int width;
        boolean allBytes = true;
    }

    private static Rows readRows(BufferedReader in, Path file, List<String> header, int labelAt, int limit)
            throws IOException {
        int fields = header.size();
        int d = labelAt < 0 ? fields : fields - 1;
        Rows rows = new Rows();
        Map<String, String> labelText = new HashMap<>();
        float[] row = new float[d];
        String[] quoted = null;
        long lineNo = 1;
        String line;
        while (rows.count < limit && (line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String label = Dataset.NO_LABEL;
            if (line.indexOf('"') >= 0) {
                List<String> parts = split(line, file, lineNo);
                if (parts.size() != fields) {
                    throw ragged(file, lineNo, parts.size(), fields);
                }
                int c = 0;
                for (int f = 0; f < fields; f++) {
                    if (f == labelAt) {
                        label = parts.get(f);
                    } else {
                        String s = parts.get(f);
                        row[c++] = Numbers.parse(s, 0, s.length(), file, lineNo, header.get(f));
                    }
                }
            } else {
                int start = 0;
                int c = 0;
                for (int f = 0; f < fields; f++) {
                    int end = line.indexOf(',', start);
                    if (end < 0) {
                        if (f != fields - 1) {
                            throw ragged(file, lineNo, f + 1, fields);
                        }
                        end = line.length();
                    } else if (f == fields - 1) {
                        throw ragged(file, lineNo, countFields(line), fields);
                    }
                    if (f == labelAt) {
                        label = line.substring(start, end).strip();
                    } else {
                        row[c++] = Numbers.parse(line, start, end, file, lineNo, header.get(f));
                    }
                    start = end + 1;
                }
            }
            if (labelAt >= 0) {
                if (label.isEmpty()) {
                    throw new FileProblem(file, "line " + lineNo + ": empty label in column '" + header.get(labelAt) + "'");
                }
                label = labelText.computeIfAbsent(label, k -> k);
            }
            add(rows, row, label);
        }
        return rows;
    }

    static void add(Rows rows, float[] row, String label) {
        int d = row.length;
        if ((long) (rows.count + 1) * d > rows.values.length) {
            long grown = Math.max((long) rows.values.length * 2, (long) (rows.count + 1) * d);
            if (grown > Integer.MAX_VALUE - 8) {
                grown = Integer.MAX_VALUE - 8;
                if ((long) (rows.count + 1) * d > grown) {
                    throw new IllegalStateException("more than " + rows.count + " rows of " + d
                            + " columns do not fit one table; use --limit");
                }
            }
            rows.values = Arrays.copyOf(rows.values, (int) grown);
        }
        if (rows.count == rows.labels.length) {
            rows.labels = Arrays.copyOf(rows.labels, rows.labels.length * 2);
        }
        int base = rows.count * d;
        for (int j = 0; j < d; j++) {
            float v = row[j];
            rows.values[base + j] = v;
            if (rows.allBytes && !LabelRule.isByte(v)) {
                rows.allBytes = false;
            }
        }
        rows.labels[rows.count++] = label;
    }

    private static FileProblem ragged(Path file, long lineNo, int found, int expected) {
        return new FileProblem(file, "line " + lineNo + " has " + found + " fields but the header has " + expected);
    }

    private static int countFields(String line) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    /** Splits one line into fields, removing {@code "} quotes ({@code ""} inside quotes is one quote). */
    static List<String> split(String line, Path file, long lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (inQuotes) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '"' && field.toString().isBlank()) {
                field.setLength(0);
                inQuotes = true;
                wasQuoted = true;
            } else {
                field.append(ch);
            }
        }
        if (inQuotes) {
            throw new FileProblem(file, "line " + lineNo + ": a quoted field is not closed");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }
}
