package org.umapanim.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.umapanim.common.FileProblem;

/**
 * Reads a flat Parquet table: one label column chosen by {@link LabelRule} (text, integer or
 * boolean), every other column numeric (any integer width, float, double or decimal). Columns are
 * read page by page with Parquet's column readers, not record by record, which is several times
 * faster than the example Group API on wide tables.
 */
final class ParquetTableReader {
    private ParquetTableReader() {}

    /** How to turn one column's physical values into a number or a text label. */
    private enum Kind { INT32, UINT32, INT64, UINT64, FLOAT, DOUBLE, DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BYTES, TEXT, BOOLEAN }

    static Dataset read(Path file, String label, int limit) {
        String sha = checksum(file);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
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
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            Map<String, String> labelText = new HashMap<>();
            int row = 0;
            PageReadStore pages;
            while (row < keep && (pages = reader.readNextRowGroup()) != null) {
                int take = (int) Math.min(pages.getRowCount(), keep - row);
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(
                        pages, new DummyRecordConverter(schema).getRootConverter(), schema, createdBy);
                for (int c = 0; c < d; c++) {
                    readNumbers(file, store.getColumnReader(featureColumns.get(c)), featureKinds.get(c),
                            features.get(c), values, row, take, c, d);
                }
                if (labelAt >= 0) {
                    readLabels(file, store.getColumnReader(descriptors.get(labelAt)), labelKind,
                            names.get(labelAt), labels, row, take, labelText);
                }
                row += take;
            }
            if (row < keep) {
                throw new FileProblem(file, "the footer promises " + total + " rows but the row groups hold " + row);
            }
            boolean allBytes = true;
            for (float v : values) {
                if (!LabelRule.isByte(v)) {
                    allBytes = false;
                    break;
                }
            }
            return new Dataset(DatasetReader.baseName(file), sha, features, values,
                    labelAt < 0 ? null : names.get(labelAt), labels, LabelRule.imageShape(features, allBytes));
        } catch (FileProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "not a readable Parquet file: " + e.getMessage(), e);
        }
    }

    private static String checksum(Path file) {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new Sha256.Hashing(Source.of(file).open(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + e.getMessage(), e);
        }
        return Sha256.hex(digest);
    }

    private static Kind numericKind(Path file, ColumnDescriptor column, String name) {
        PrimitiveType type = column.getPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        boolean decimal = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        boolean unsigned = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        switch (type.getPrimitiveTypeName()) {
            case INT32:
                return decimal ? Kind.DECIMAL_INT32 : unsigned ? Kind.UINT32 : Kind.INT32;
            case INT64:
                return decimal ? Kind.DECIMAL_INT64 : unsigned ? Kind.UINT64 : Kind.INT64;
            case FLOAT:
                return Kind.FLOAT;
            case DOUBLE:
                return Kind.DOUBLE;
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                if (decimal) {
                    return Kind.DECIMAL_BYTES;
                }
                break;
            default:
                break;
        }
        throw new FileProblem(file, "column '" + name + "' holds " + describe(type)
                + ", not numbers (if it is the label, name it with --label)");
    }

    private static Kind labelKind(Path file, ColumnDescriptor column, String name) {
        PrimitiveType type = column.getPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        boolean decimal = logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        boolean unsigned = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        switch (type.getPrimitiveTypeName()) {
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                return decimal ? Kind.DECIMAL_BYTES : Kind.TEXT;
            case INT32:
                return decimal ? Kind.DECIMAL_INT32 : unsigned ? Kind.UINT32 : Kind.INT32;
            case INT64:
                return decimal ? Kind.DECIMAL_INT64 : unsigned ? Kind.UINT64 : Kind.INT64;
            case BOOLEAN:
                return Kind.BOOLEAN;
            default:
                throw new FileProblem(file, "label column '" + name + "' holds " + describe(type)
                        + "; labels must be text or integers");
        }
    }

    private static String describe(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
            return "text";
        }
        return type.getPrimitiveTypeName().toString().toLowerCase(java.util.Locale.ROOT)
                + (logical == null ? "" : " (" + logical + ")") + " values";
    }

    private static void readNumbers(Path file, ColumnReader in, Kind kind, String name, float[] values,
            int firstRow, int rows, int c, int d) {
        int maxDef = in.getDescriptor().getMaxDefinitionLevel();
        int scale = scaleOf(in.getDescriptor());
        for (int r = 0; r < rows; r++) {
            if (in.getCurrentDefinitionLevel() < maxDef) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ", column '" + name + "': missing value (null)");
            }
            float v = switch (kind) {
                case INT32 -> in.getInteger();
                case UINT32 -> Integer.toUnsignedLong(in.getInteger());
                case INT64 -> in.getLong();
                case UINT64 -> unsignedToFloat(in.getLong());
                case FLOAT -> in.getFloat();
                case DOUBLE -> (float) in.getDouble();
                case DECIMAL_INT32 -> BigDecimal.valueOf(in.getInteger(), scale).floatValue();
                case DECIMAL_INT64 -> BigDecimal.valueOf(in.getLong(), scale).floatValue();
                case DECIMAL_BYTES -> new BigDecimal(new BigInteger(in.getBinary().getBytes()), scale).floatValue();
                default -> throw new IllegalStateException(kind + " is not numeric");
            };
            if (!Float.isFinite(v)) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ", column '" + name + "': "
                        + (kind == Kind.DOUBLE && Double.isFinite(in.getDouble())
                                ? in.getDouble() + " is too large for a float (not a finite number)"
                                : v + " is not a finite number"));
            }
            values[(firstRow + r) * d + c] = v;
            in.consume();
        }
    }

    private static void readLabels(Path file, ColumnReader in, Kind kind, String name, String[] labels,
            int firstRow, int rows, Map<String, String> labelText) {
        int maxDef = in.getDescriptor().getMaxDefinitionLevel();
        int scale = scaleOf(in.getDescriptor());
        for (int r = 0; r < rows; r++) {
            if (in.getCurrentDefinitionLevel() < maxDef) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ": missing label (null) in column '" + name + "'");
            }
            String text = switch (kind) {
                case TEXT -> in.getBinary().toStringUsingUTF8();
                case INT32 -> Integer.toString(in.getInteger());
                case UINT32 -> Integer.toUnsignedString(in.getInteger());
                case INT64 -> Long.toString(in.getLong());
                case UINT64 -> Long.toUnsignedString(in.getLong());
                case BOOLEAN -> Boolean.toString(in.getBoolean());
                case DECIMAL_INT32 -> BigDecimal.valueOf(in.getInteger(), scale).toPlainString();
                case DECIMAL_INT64 -> BigDecimal.valueOf(in.getLong(), scale).toPlainString();
                case DECIMAL_BYTES -> new BigDecimal(new BigInteger(in.getBinary().getBytes()), scale).toPlainString();
                default -> throw new IllegalStateException(kind + " is not a label type");
            };
            if (text.isEmpty()) {
                throw new FileProblem(file, "row " + (firstRow + r + 1) + ": empty label in column '" + name + "'");
            }
            labels[firstRow + r] = labelText.computeIfAbsent(text, k -> k);
            in.consume();
        }
    }

    private static int scaleOf(ColumnDescriptor column) {
        return column.getPrimitiveType().getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec ? dec.getScale() : 0;
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0f;
    }
}
