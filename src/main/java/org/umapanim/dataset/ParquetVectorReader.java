package org.umapanim.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/**
 * Reads a Parquet table whose feature vector is one list column: a 3-level LIST of float or
 * double ({@code repeated group list { element }}, or {@code item} as older pyarrow and polars name
 * it), a legacy 2-level list, or an Arrow FixedSizeList (polars {@code Array}, DuckDB
 * {@code FLOAT[384]}), which Parquet stores as a plain LIST. The column is {@code --features NAME},
 * else the table's only such column; the flat columns are label candidates ({@link LabelRule}).
 * The list is walked value by value with its repetition levels ({@link ParquetColumnCursor}), not
 * assembled into an object per row. Every row must hold the same number of finite values.
 */
final class ParquetVectorReader {
    private ParquetVectorReader() {}

    /** A list column of numbers: its leaf and the definition levels that tell null and empty rows apart. */
    private record ListColumn(String name, ColumnDescriptor leaf, int rowDefined, int elementExists) {}

    static Dataset read(Path file, ParquetFileReader reader, String sha, String label, int limit, String features)
            throws IOException {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        List<String> flat = new ArrayList<>();
        List<ColumnDescriptor> flatColumns = new ArrayList<>();
        List<ListColumn> lists = new ArrayList<>();
        List<String> otherLists = new ArrayList<>();
        for (Type field : schema.getFields()) {
            List<ColumnDescriptor> leaves = schema.getColumns().stream()
                    .filter(c -> c.getPath()[0].equals(field.getName())).toList();
            if (field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED)) {
                flat.add(field.getName());
                flatColumns.add(leaves.get(0));
            } else if (leaves.size() == 1 && leaves.get(0).getMaxRepetitionLevel() == 1 && isFloat(leaves.get(0))) {
                lists.add(listColumn(schema, field, leaves.get(0)));
            } else {
                otherLists.add(field.getName());
            }
        }
        ListColumn vectors = pick(file, lists, otherLists, flat, features);
        int labelAt = LabelRule.labelIndex(flat, label, file);
        ParquetTableReader.Kind labelKind = labelAt < 0 ? null
                : ParquetTableReader.labelKind(file, flatColumns.get(labelAt), flat.get(labelAt));

        long total = reader.getRecordCount();
        if (total == 0) {
            throw new FileProblem(file, "no rows");
        }
        long keep = limit == 0 ? total : Math.min(total, limit);
        String[] labels = new String[(int) Math.min(keep, Integer.MAX_VALUE - 8)];
        if (labelAt < 0) {
            Arrays.fill(labels, Dataset.NO_LABEL);
        }
        Map<String, String> labelText = new HashMap<>();
        Rows rows = new Rows(file, vectors.name(), keep);
        PageReadStore pages;
        int row = 0;
        while (row < keep && (pages = reader.readNextRowGroup()) != null) {
            int take = (int) Math.min(pages.getRowCount(), keep - row);
            readVectors(pages.getPageReader(vectors.leaf()), vectors, rows, row, take);
            if (labelAt >= 0) {
                ColumnDescriptor column = flatColumns.get(labelAt);
                ParquetTableReader.readLabels(file, new ParquetColumnCursor(column, pages.getPageReader(column)),
                        labelKind, flat.get(labelAt), labels, row, take, labelText);
            }
            row += take;
        }
        if (row < keep) {
            throw new FileProblem(file, "the footer promises " + total + " rows but the row groups hold " + row);
        }
        List<String> columns = new ArrayList<>(rows.d);
        for (int k = 0; k < rows.d; k++) {
            columns.add(vectors.name() + "_" + k);
        }
        return new Dataset(TableName.of(file), sha, columns, rows.values,
                labelAt < 0 ? null : flat.get(labelAt), labels, java.util.Optional.empty(), vectors.name());
    }

    private static boolean isFloat(ColumnDescriptor leaf) {
        PrimitiveTypeName t = leaf.getPrimitiveType().getPrimitiveTypeName();
        return t == PrimitiveTypeName.FLOAT || t == PrimitiveTypeName.DOUBLE;
    }

    private static ListColumn listColumn(MessageType schema, Type field, ColumnDescriptor leaf) {
        String[] path = leaf.getPath();
        int repeatedAt = 0;
        for (int k = 1; k <= path.length; k++) {
            if (schema.getType(Arrays.copyOf(path, k)).isRepetition(Type.Repetition.REPEATED)) {
                repeatedAt = k;
                break;
            }
        }
        int rowDefined = schema.getMaxDefinitionLevel(field.getName());
        int elementExists = schema.getMaxDefinitionLevel(Arrays.copyOf(path, repeatedAt));
        return new ListColumn(field.getName(), leaf, rowDefined, elementExists);
    }

    private static ListColumn pick(Path file, List<ListColumn> lists, List<String> otherLists, List<String> flat,
            String features) {
        List<String> names = lists.stream().map(ListColumn::name).toList();
        if (features != null) {
            for (ListColumn c : lists) {
                if (c.name().equals(features)) {
                    return c;
                }
            }
            String what = flat.contains(features) ? "is a column of single values, not of vectors"
                    : otherLists.contains(features) ? "is not a list of floats or doubles"
                    : "names no column of " + file.getFileName();
            throw new SettingProblem("features", "'" + features + "' " + what + " (list columns of numbers: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        if (lists.size() == 1) {
            return lists.get(0);
        }
        if (lists.isEmpty()) {
            throw new FileProblem(file, "has nested columns (" + LabelRule.summary(otherLists)
                    + ") and none is a list of floats or doubles; only flat tables and vector columns can be read");
        }
        throw new FileProblem(file, "has " + lists.size() + " vector columns (" + String.join(", ", names)
                + "); name one with --features");
    }

    /** The row-major matrix being filled; its width is the first row's length. */
    private static final class Rows {
        final Path file;
        final String column;
        final long keep;
        int d = -1;
        float[] values;
        float[] first = new float[64];

        Rows(Path file, String column, long keep) {
            this.file = file;
            this.column = column;
            this.keep = keep;
        }

        void put(long row, int k, double v) {
            float f = (float) v;
            if (!Float.isFinite(f)) {
                throw problem(row, "value " + (k + 1) + " is " + (Double.isFinite(v) ? v + ", too large for a float"
                        : v + ", not a finite number"));
            }
            if (d < 0) {
                if (k == first.length) {
                    first = Arrays.copyOf(first, 2 * k);
                }
                first[k] = f;
            } else if (k >= d) {
                throw problem(row, "more than " + d + " values, as many as the rows before have");
            } else {
                values[(int) (row * d + k)] = f;
            }
        }

        void end(long row, int count) {
            if (d < 0) {
                d = count;
                if (keep * d > Integer.MAX_VALUE - 8) {
                    throw new FileProblem(file, keep + " rows of " + d + " values are too many for one table; use --limit");
                }
                values = new float[(int) (keep * d)];
                System.arraycopy(first, 0, values, 0, d);
                first = null;
            } else if (count != d) {
                throw problem(row, count + " values, the rows before have " + d);
            }
        }

        FileProblem problem(long row, String what) {
            return new FileProblem(file, "row " + (row + 1) + ", column '" + column + "': " + what);
        }
    }

    /** Reads rows {@code firstRow … firstRow+take-1} of one row group's list column into {@code rows}. */
    private static void readVectors(PageReader pageReader, ListColumn list, Rows rows, int firstRow, int take) {
        long entries = pageReader.getTotalValueCount();
        ParquetColumnCursor in = new ParquetColumnCursor(list.leaf(), pageReader);
        boolean isFloat = list.leaf().getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT;
        long row = firstRow - 1;
        int k = 0;
        for (long e = 0; e < entries; e++) {
            boolean present = in.next();
            if (in.repetition() == 0) {
                if (row >= firstRow) {
                    rows.end(row, k);
                }
                row++;
                k = 0;
                if (row >= firstRow + take) {
                    return;
                }
            }
            if (!present) {
                int def = in.definition();
                throw rows.problem(row, def < list.rowDefined() ? "null, not a vector"
                        : def < list.elementExists() ? "an empty list, not a vector" : "value " + (k + 1) + " is null");
            }
            rows.put(row, k, isFloat ? in.floatValue() : in.doubleValue());
            k++;
        }
        if (row >= firstRow) {
            rows.end(row, k);
        }
    }
}
