package org.umapanim.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;

/**
 * Reads a flat Parquet table: one label column chosen by {@link LabelRule} (text, integer or
 * boolean), every other column numeric (any integer width, float, double or decimal). Columns are
 * decoded page by page ({@link ParquetColumnCursor}), not record by record. A table with a list
 * column is read by {@link ParquetVectorReader}.
 */
final class ParquetTableReader {
    /** Columns decoded together before they are interleaved: 16 floats fill one cache line. */
    private static final int BLOCK = 16;

    private ParquetTableReader() {}

    /** How to turn one column's physical values into a number or a text label. */
    enum Kind { INT32, UINT32, INT64, UINT64, FLOAT, DOUBLE, DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BYTES, TEXT, BOOLEAN }

    static Dataset read(Path file, String label, int limit, ReadOptions options) {
        return read(file, label, limit, options, Checksums.sha256(file));
    }

    /** @param sha the file's SHA-256, already known to the caller */
    static Dataset read(Path file, String label, int limit, ReadOptions options, String sha) {
        try (ParquetFileReader reader = ParquetFiles.open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            if (options.features() != null || schema.getFields().stream()
                    .anyMatch(f -> !f.isPrimitive() || f.isRepetition(Type.Repetition.REPEATED))) {
                return ParquetVectorReader.read(file, reader, sha, label, limit, options.features());
            }
            List<String> names = new ArrayList<>();
            for (Type field : schema.getFields()) {
                if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                    throw new FileProblem(file, "column '" + field.getName() + "' is nested or repeated; only flat tables can be read");
                }
                names.add(field.getName());
            }
            int labelAt = LabelRule.labelIndex(names, label, file);
            List<ColumnDescriptor> descriptors = schema.getColumns();
            Kind labelKind = labelAt < 0 ? null : labelKind(file, descriptors.get(labelAt), names.get(labelAt));
            List<String> features = new ArrayList<>();
            List<ColumnDescriptor> featureColumns = new ArrayList<>();
            List<Kind> featureKinds = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                if (c == labelAt) {
                    continue;
                }
                features.add(names.get(c));
                featureColumns.add(descriptors.get(c));
                featureKinds.add(numericKind(file, descriptors.get(c), names.get(c)));
            }
            if (features.isEmpty()) {
                throw new FileProblem(file, "no numeric columns besides the label column '" + names.get(labelAt) + "'");
            }
            long total = reader.getRecordCount();
            if (total == 0) {
                throw new FileProblem(file, "no rows");
            }
            long keep = limit == 0 ? total : Math.min(total, limit);
            int d = features.size();
            if (keep * d > Integer.MAX_VALUE - 8) {
                throw new FileProblem(file, keep + " rows of " + d + " columns are too many for one table; use --limit");
            }
            float[] values = new float[(int) keep * d];
            String[] labels = new String[(int) keep];
            if (labelAt < 0) {
                java.util.Arrays.fill(labels, Dataset.NO_LABEL);
            }
            Map<String, String> labelText = new HashMap<>();
            float[][] block = new float[BLOCK][];
            boolean allBytes = true;
            int row = 0;
            PageReadStore pages;
            while (row < keep && (pages = reader.readNextRowGroup()) != null) {
                int take = (int) Math.min(pages.getRowCount(), keep - row);
                for (int j = 0; j < BLOCK; j++) {
                    if (block[j] == null || block[j].length < take) {
                        block[j] = new float[take];
                    }
                }
                // Columns are decoded a few at a time into contiguous buffers, then interleaved into
                // the row-major matrix a cache line at a time: writing one column straight into a
                // 784-wide matrix misses the cache on every value and is several times slower.
                for (int c0 = 0; c0 < d; c0 += BLOCK) {
                    int width = Math.min(BLOCK, d - c0);
                    for (int j = 0; j < width; j++) {
                        ColumnDescriptor column = featureColumns.get(c0 + j);
                        allBytes &= readNumbers(file, new ParquetColumnCursor(column, pages.getPageReader(column)),
                                featureKinds.get(c0 + j), features.get(c0 + j), block[j], row, take);
                    }
                    for (int r = 0; r < take; r++) {
                        int at = (row + r) * d + c0;
                        for (int j = 0; j < width; j++) {
                            values[at + j] = block[j][r];
                        }
                    }
                }
                if (labelAt >= 0) {
                    ColumnDescriptor column = descriptors.get(labelAt);
                    readLabels(file, new ParquetColumnCursor(column, pages.getPageReader(column)), labelKind,
                            names.get(labelAt), labels, row, take, labelText);
                }
                row += take;
            }
            if (row < keep) {
                throw new FileProblem(file, "the footer promises " + total + " rows but the row groups hold " + row);
            }
            return new Dataset(TableName.of(file), sha, features, values,
                    labelAt < 0 ? null : names.get(labelAt), labels, LabelRule.imageShape(features, allBytes));
        } catch (FileProblem | org.umapanim.common.SettingProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "not a readable Parquet file: " + ParquetFiles.detail(e), e);
        }
    }

    private static Kind numericKind(Path file, ColumnDescriptor column, String name) {
        Kind kind = kindOf(column.getPrimitiveType());
        if (kind == null || kind == Kind.TEXT || kind == Kind.BOOLEAN) {
            throw new FileProblem(file, "column '" + name + "' holds " + describe(column.getPrimitiveType())
                    + ", not numbers (if it is the label, name it with --label)");
        }
        return kind;
    }

    static Kind labelKind(Path file, ColumnDescriptor column, String name) {
        Kind kind = kindOf(column.getPrimitiveType());
        if (kind == null || kind == Kind.FLOAT || kind == Kind.DOUBLE) {
            throw new FileProblem(file, "label column '" + name + "' holds " + describe(column.getPrimitiveType())
                    + "; labels must be text or integers");
        }
        return kind;
    }

    /** How a column's values are read, whatever they are for; null for types no column of ours may have. */
    static Kind kindOf(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        boolean decimal = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        boolean unsigned = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> decimal ? Kind.DECIMAL_INT32 : unsigned ? Kind.UINT32 : Kind.INT32;
            case INT64 -> decimal ? Kind.DECIMAL_INT64 : unsigned ? Kind.UINT64 : Kind.INT64;
            case FLOAT -> Kind.FLOAT;
            case DOUBLE -> Kind.DOUBLE;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> decimal ? Kind.DECIMAL_BYTES : Kind.TEXT;
            case BOOLEAN -> Kind.BOOLEAN;
            default -> null;
        };
    }

    static String describe(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
            return "text";
        }
        return type.getPrimitiveTypeName().toString().toLowerCase(java.util.Locale.ROOT)
                + (logical == null ? "" : " (" + logical + ")") + " values";
    }

    /** Decodes {@code rows} values of one column into {@code out[0 … rows-1]}; true if all were 0–255 integers. */
    private static boolean readNumbers(Path file, ParquetColumnCursor in, Kind kind, String name, float[] out,
            int firstRow, int rows) {
        int scale = scaleOf(in.column());
        double[] dictionary = null;
        boolean allBytes = true;
        for (int r = 0; r < rows; r++) {
            if (!in.next()) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ", column '" + name + "': missing value (null)");
            }
            double raw;
            if (in.usesDictionary()) {
                if (dictionary == null) {
                    dictionary = numbers(in.dictionary(), kind, scale);
                }
                raw = dictionary[in.dictionaryId()];
            } else {
                raw = number(in.values(), kind, scale);
            }
            float v = (float) raw;
            if (!Float.isFinite(v)) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ", column '" + name + "': "
                        + (Double.isFinite(raw) ? raw + " is too large for a float (not a finite number)"
                                : raw + " is not a finite number"));
            }
            out[r] = v;
            allBytes &= LabelRule.isByte(v);
        }
        return allBytes;
    }

    /** A dictionary's entries as numbers, decoded once per column chunk. */
    private static double[] numbers(org.apache.parquet.column.Dictionary dictionary, Kind kind, int scale) {
        double[] out = new double[dictionary.getMaxId() + 1];
        for (int id = 0; id < out.length; id++) {
            out[id] = switch (kind) {
                case INT32 -> dictionary.decodeToInt(id);
                case UINT32 -> Integer.toUnsignedLong(dictionary.decodeToInt(id));
                case INT64 -> dictionary.decodeToLong(id);
                case UINT64 -> unsigned(dictionary.decodeToLong(id));
                case FLOAT -> dictionary.decodeToFloat(id);
                case DOUBLE -> dictionary.decodeToDouble(id);
                case DECIMAL_INT32 -> BigDecimal.valueOf(dictionary.decodeToInt(id), scale).doubleValue();
                case DECIMAL_INT64 -> BigDecimal.valueOf(dictionary.decodeToLong(id), scale).doubleValue();
                case DECIMAL_BYTES -> new BigDecimal(new BigInteger(dictionary.decodeToBinary(id).getBytes()), scale).doubleValue();
                default -> throw new IllegalStateException(kind + " is not numeric");
            };
        }
        return out;
    }

    private static double number(ValuesReader in, Kind kind, int scale) {
        return switch (kind) {
            case INT32 -> in.readInteger();
            case UINT32 -> Integer.toUnsignedLong(in.readInteger());
            case INT64 -> in.readLong();
            case UINT64 -> unsigned(in.readLong());
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case DECIMAL_INT32 -> BigDecimal.valueOf(in.readInteger(), scale).doubleValue();
            case DECIMAL_INT64 -> BigDecimal.valueOf(in.readLong(), scale).doubleValue();
            case DECIMAL_BYTES -> new BigDecimal(new BigInteger(in.readBytes().getBytes()), scale).doubleValue();
            default -> throw new IllegalStateException(kind + " is not numeric");
        };
    }

    static void readLabels(Path file, ParquetColumnCursor in, Kind kind, String name, String[] labels,
            int firstRow, int rows, Map<String, String> labelText) {
        int scale = scaleOf(in.column());
        String[] dictionary = null;
        for (int r = 0; r < rows; r++) {
            if (!in.next()) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ": missing label (null) in column '" + name + "'");
            }
            String text;
            if (in.usesDictionary()) {
                if (dictionary == null) {
                    dictionary = new String[in.dictionary().getMaxId() + 1];
                }
                int id = in.dictionaryId();
                if (dictionary[id] == null) {
                    dictionary[id] = label(in.dictionary(), id, kind, scale);
                }
                text = dictionary[id];
            } else {
                text = label(in.values(), kind, scale);
            }
            if (text.isEmpty()) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ": empty label in column '" + name + "'");
            }
            labels[firstRow + r] = labelText.computeIfAbsent(text, k -> k);
        }
    }

    private static String label(org.apache.parquet.column.Dictionary dictionary, int id, Kind kind, int scale) {
        return switch (kind) {
            case TEXT -> dictionary.decodeToBinary(id).toStringUsingUTF8();
            case INT32 -> Integer.toString(dictionary.decodeToInt(id));
            case UINT32 -> Integer.toUnsignedString(dictionary.decodeToInt(id));
            case INT64 -> Long.toString(dictionary.decodeToLong(id));
            case UINT64 -> Long.toUnsignedString(dictionary.decodeToLong(id));
            case BOOLEAN -> Boolean.toString(dictionary.decodeToBoolean(id));
            case DECIMAL_INT32 -> BigDecimal.valueOf(dictionary.decodeToInt(id), scale).toPlainString();
            case DECIMAL_INT64 -> BigDecimal.valueOf(dictionary.decodeToLong(id), scale).toPlainString();
            case DECIMAL_BYTES -> new BigDecimal(new BigInteger(dictionary.decodeToBinary(id).getBytes()), scale).toPlainString();
            default -> throw new IllegalStateException(kind + " is not a label type");
        };
    }

    private static String label(ValuesReader in, Kind kind, int scale) {
        return switch (kind) {
            case TEXT -> in.readBytes().toStringUsingUTF8();
            case INT32 -> Integer.toString(in.readInteger());
            case UINT32 -> Integer.toUnsignedString(in.readInteger());
            case INT64 -> Long.toString(in.readLong());
            case UINT64 -> Long.toUnsignedString(in.readLong());
            case BOOLEAN -> Boolean.toString(in.readBoolean());
            case DECIMAL_INT32 -> BigDecimal.valueOf(in.readInteger(), scale).toPlainString();
            case DECIMAL_INT64 -> BigDecimal.valueOf(in.readLong(), scale).toPlainString();
            case DECIMAL_BYTES -> new BigDecimal(new BigInteger(in.readBytes().getBytes()), scale).toPlainString();
            default -> throw new IllegalStateException(kind + " is not a label type");
        };
    }

    private static int scaleOf(ColumnDescriptor column) {
        return column.getPrimitiveType().getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec ? dec.getScale() : 0;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
