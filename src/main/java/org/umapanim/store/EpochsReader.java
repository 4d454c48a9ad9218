package org.umapanim.store;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.umapanim.common.EpochListener;
import org.umapanim.common.FileProblem;
import org.umapanim.dataset.ClassOrder;
import org.umapanim.dataset.ParquetColumnCursor;
import org.umapanim.dataset.ParquetFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code data/epochs.parquet} (see {@link EpochsSchema}) back, epoch by epoch.
 *
 * <p>{@link #open} checks the whole file before anyone relies on it: the columns and their types,
 * and — by a pass over the {@code index} and {@code epoch} columns — that the rows are epochs
 * 0 … last, each with indices 0 … n-1 in order. Anything else is a {@link FileProblem} saying what
 * is wrong. Files from other tools with the same columns are fine (optional columns without
 * nulls, no footer metadata); the label column is then the one text column besides ours.
 *
 * <p>No file handle is held between calls: {@link #forEachEpoch} opens the file for each pass, and
 * reads only the coordinates once it has made sure the file is still the one {@link #open} checked
 * (the same row groups, every column chunk at the same place with the same size; the pages'
 * checksums are verified as they are read), so {@code index} and {@code epoch} are not decoded
 * again on every pass (with them, one pass over a million points × 201 epochs took 6.1 s).
 */
public final class EpochsReader implements EpochHistory {
    private final Path file;
    private final MessageType coordinates;
    /** Where {@link #open} found the row groups and their column chunks ({@link #layout}). */
    private final long[] layout;
    private final String labelColumn;
    private final String[] labels;
    private final List<String> classes;
    private final int lastEpoch;
    private final Map<String, String> metadata;

    private EpochsReader(Path file, MessageType coordinates, long[] layout, String labelColumn, String[] labels,
                         List<String> classes, int lastEpoch, Map<String, String> metadata) {
        this.file = file;
        this.coordinates = coordinates;
        this.layout = layout;
        this.labelColumn = labelColumn;
        this.labels = labels;
        this.classes = classes;
        this.lastEpoch = lastEpoch;
        this.metadata = metadata;
    }

    /** Opens and checks {@code file}; throws {@link FileProblem} naming what is wrong with it. */
    public static EpochsReader open(Path file) {
        try (ParquetFileReader parquet = ParquetFiles.open(file)) {
            FileMetaData footer = parquet.getFooter().getFileMetaData();
            MessageType schema = footer.getSchema();
            Map<String, String> metadata = Collections.unmodifiableMap(new LinkedHashMap<>(footer.getKeyValueMetaData()));
            for (String column : EpochsSchema.FIXED_COLUMNS) {
                checkType(file, schema, column);
            }
            String labelColumn = labelColumn(file, schema, metadata);
            List<String> recordedOrder = LabelDictionary.order(file, metadata.get(EpochsSchema.KEY_CLASSES));
            checkInUnitSquare(file, parquet.getRowGroups(), EpochsSchema.X);
            checkInUnitSquare(file, parquet.getRowGroups(), EpochsSchema.Y);

            List<Type> order = new ArrayList<>(List.of(schema.getType(EpochsSchema.INDEX), schema.getType(EpochsSchema.EPOCH)));
            if (labelColumn != null) {
                order.add(schema.getType(labelColumn));
            }
            MessageType rowOrder = new MessageType(schema.getName(), order);
            parquet.setRequestedSchema(rowOrder);
            Scan scan = new Scan(file, labelColumn != null);
            PageReadStore rowGroup;
            while ((rowGroup = parquet.readNextRowGroup()) != null) {
                scan.rowGroup(rowGroup, rowOrder);
            }
            scan.end();
            checkCount(file, metadata, EpochsSchema.KEY_POINTS, "points", scan.points);
            checkCount(file, metadata, EpochsSchema.KEY_EPOCHS, "epochs after the initial layout", scan.epoch);

            MessageType coordinates = new MessageType(schema.getName(), schema.getType(EpochsSchema.X),
                    schema.getType(EpochsSchema.Y));
            String[] labels = labelColumn != null ? scan.labels.toArray(String[]::new) : unlabelled(scan.points);
            return new EpochsReader(file, coordinates, layout(parquet.getRowGroups()), labelColumn, labels,
                    ClassOrder.of(labels, recordedOrder), scan.epoch, metadata);
        } catch (FileProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // decoding garbage fails in many ways: exceptions of the decoders, NPEs, bad lengths
            throw new FileProblem(file, "corrupt Parquet data (" + ParquetFiles.detail(e) + ")", e);
        }
    }

    @Override
    public int points() {
        return labels.length;
    }

    @Override
    public int lastEpoch() {
        return lastEpoch;
    }

    /** Name of the label column, or null when the file has none (unlabelled data). */
    public String labelColumn() {
        return labelColumn;
    }

    /** Label of every index (a copy); all "" when the file has no label column. */
    @Override
    public String[] labels() {
        return labels.clone();
    }

    /** The classes in the order the file records ({@link EpochsSchema#KEY_CLASSES}), else by {@link ClassOrder}'s rule. */
    @Override
    public List<String> classes() {
        return classes;
    }

    /** The footer key–value metadata, as written (see {@link EpochsSchema} for the keys we add). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The reducer that made the layouts and its word for a step (UMAP's for older files). */
    public RecordedReducer reducer() {
        return RecordedReducer.of(metadata);
    }

    /** The phases its footer records (t-SNE's early exaggeration). */
    @Override
    public List<StepPhase> phases() {
        return StepPhase.of(metadata);
    }

    /** The normalisation recorded by {@link EpochsWriter}, or null for a file without it. */
    public Normalisation normalisation() {
        try {
            return new Normalisation(
                    Double.parseDouble(metadata.get(EpochsSchema.KEY_OFFSET_X)),
                    Double.parseDouble(metadata.get(EpochsSchema.KEY_OFFSET_Y)),
                    Double.parseDouble(metadata.get(EpochsSchema.KEY_SCALE_X)),
                    Double.parseDouble(metadata.get(EpochsSchema.KEY_SCALE_Y)),
                    String.valueOf(metadata.get(EpochsSchema.KEY_NORMALISATION)).startsWith("stretch"));
        } catch (NullPointerException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Hands every epoch, in order, to {@code listener}. Only one row group of the file is in
     * memory at a time. The listener's own exceptions propagate as they are; anything else that
     * goes wrong is a {@link FileProblem} naming the file.
     */
    @Override
    public void forEachEpoch(EpochListener listener) {
        int n = points();
        try (ParquetFileReader parquet = ParquetFiles.open(file)) {
            if (!Arrays.equals(layout, layout(parquet.getRowGroups()))) {
                throw new FileProblem(file, "changed since it was opened (its row groups are not the ones checked)");
            }
            parquet.setRequestedSchema(coordinates);
            int epoch = 0, i = 0;
            float[] xy = new float[2 * n];
            PageReadStore rowGroup;
            while ((rowGroup = parquet.readNextRowGroup()) != null) {
                ParquetColumnCursor x = cursor(rowGroup, coordinates, EpochsSchema.X);
                ParquetColumnCursor y = cursor(rowGroup, coordinates, EpochsSchema.Y);
                long rows = rowGroup.getRowCount();
                while (rows > 0) {
                    // the rest of the row group or of the epoch, whichever ends first
                    int take = (int) Math.min(rows, n - i);
                    readFloats(x, xy, 2 * i, take);
                    readFloats(y, xy, 2 * i + 1, take);
                    rows -= take;
                    i += take;
                    if (i == n) {
                        deliver(listener, epoch, xy);
                        i = 0;
                        epoch++;
                    }
                }
            }
            if (epoch != lastEpoch + 1) {
                throw new FileProblem(file, "changed while being read (ends at epoch " + epoch + ")");
            }
        } catch (ListenerFailure e) {
            throw e.cause;
        } catch (NullValue e) {
            throw new FileProblem(file, "column '" + e.column + "' has missing (null) values");
        } catch (FileProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "corrupt Parquet data (" + ParquetFiles.detail(e) + ")", e);
        }
    }

    /**
     * Every row group's row count and, for each of its column chunks, where the chunk starts and
     * how many bytes it has: a file rewritten since (another run's, or damaged) differs here.
     */
    private static long[] layout(List<BlockMetaData> rowGroups) {
        List<Long> values = new ArrayList<>();
        for (BlockMetaData rowGroup : rowGroups) {
            values.add(rowGroup.getRowCount());
            for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                values.add(chunk.getStartingPos());
                values.add(chunk.getTotalSize());
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static void deliver(EpochListener listener, int epoch, float[] xy) {
        try {
            listener.onEpoch(epoch, xy);
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    /** Carries the listener's exception past the handler that blames the file for everything else. */
    private static final class ListenerFailure extends RuntimeException {
        final RuntimeException cause;

        ListenerFailure(RuntimeException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    private static String[] unlabelled(int n) {
        String[] labels = new String[n];
        Arrays.fill(labels, "");
        return labels;
    }

    // ---- checks ----------------------------------------------------------------------------

    private static void checkType(Path file, MessageType schema, String column) {
        if (!schema.containsField(column)) {
            throw new FileProblem(file, "missing column '" + column + "': not an epochs file (expected columns "
                    + EpochsSchema.FIXED_COLUMNS + " and a label column)");
        }
        Type type = schema.getType(column);
        boolean integer = column.equals(EpochsSchema.INDEX) || column.equals(EpochsSchema.EPOCH);
        PrimitiveTypeName wanted = integer ? PrimitiveTypeName.INT32 : PrimitiveTypeName.FLOAT;
        boolean ok = type.isPrimitive() && !type.isRepetition(Type.Repetition.REPEATED)
                && type.asPrimitiveType().getPrimitiveTypeName() == wanted
                && (!integer || type.getLogicalTypeAnnotation() == null
                    || type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation);
        if (!ok) {
            String expected = column.equals(EpochsSchema.INDEX) ? "INT32 (UINT_32)"
                    : column.equals(EpochsSchema.EPOCH) ? "INT32 (UINT_16)" : "FLOAT";
            throw new FileProblem(file, "column '" + column + "' is " + describe(type) + ", expected " + expected);
        }
    }

    private static String labelColumn(Path file, MessageType schema, Map<String, String> metadata) {
        String named = metadata.get(EpochsSchema.KEY_LABEL_COLUMN);
        if (named != null) {
            if (!schema.containsField(named)) {
                throw new FileProblem(file, "missing column '" + named + "' (the label column its metadata names)");
            }
            checkLabelType(file, schema.getType(named));
            return named;
        }
        List<String> others = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (Type field : schema.getFields()) {
            if (!EpochsSchema.FIXED_COLUMNS.contains(field.getName())) {
                others.add(field.getName());
                if (field.isPrimitive() && field.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
                    text.add(field.getName());
                }
            }
        }
        // the label column is the one extra column, or the one text column among several
        List<String> candidates = others.size() <= 1 ? others : text;
        if (candidates.size() > 1 || (others.size() > 1 && candidates.isEmpty())) {
            throw new FileProblem(file, "cannot tell which column holds the labels: " + String.join(", ", others));
        }
        if (candidates.isEmpty()) {
            return null;
        }
        checkLabelType(file, schema.getType(candidates.get(0)));
        return candidates.get(0);
    }

    private static void checkLabelType(Path file, Type type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        boolean ok = type.isPrimitive() && !type.isRepetition(Type.Repetition.REPEATED)
                && type.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                && (logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation);
        if (!ok) {
            throw new FileProblem(file, "label column '" + type.getName() + "' is " + describe(type)
                    + ", expected BINARY (UTF8)");
        }
    }

    private static String describe(Type type) {
        if (!type.isPrimitive()) {
            return "a nested group";
        }
        PrimitiveType p = type.asPrimitiveType();
        String s = (type.isRepetition(Type.Repetition.REPEATED) ? "repeated " : "") + p.getPrimitiveTypeName();
        return p.getLogicalTypeAnnotation() == null ? s : s + " (" + p.getLogicalTypeAnnotation() + ")";
    }

    /** From the footer's statistics alone: no nulls, and values in [0,1] (raw coordinates would draw nonsense). */
    private static void checkInUnitSquare(Path file, List<BlockMetaData> rowGroups, String column) {
        for (BlockMetaData rowGroup : rowGroups) {
            for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                if (!chunk.getPath().toDotString().equals(column)) {
                    continue;
                }
                Statistics<?> stats = chunk.getStatistics();
                if (stats != null && stats.isNumNullsSet() && stats.getNumNulls() > 0) {
                    throw new FileProblem(file, "column '" + column + "' has missing (null) values");
                }
                if (stats != null && stats.hasNonNullValue()
                        && stats.genericGetMin() instanceof Float min && stats.genericGetMax() instanceof Float max
                        && (min < 0 || max > 1)) {
                    throw new FileProblem(file, "column '" + column + "' has values outside [0,1] (" + (min + 0f)
                            + " … " + max + "): coordinates are not normalised");   // + 0f: no "-0.0"
                }
            }
        }
    }

    private static void checkCount(Path file, Map<String, String> metadata, String key, String what, int actual) {
        String recorded = metadata.get(key);
        if (recorded != null && !recorded.equals(Integer.toString(actual))) {
            throw new FileProblem(file, "metadata says " + recorded + " " + what + ", the rows have " + actual);
        }
    }

    private static ParquetColumnCursor cursor(PageReadStore rowGroup, MessageType requested, String column) {
        ColumnDescriptor descriptor = requested.getColumnDescription(new String[] {column});
        return new ParquetColumnCursor(descriptor, rowGroup.getPageReader(descriptor));
    }

    private static int readInt(ParquetColumnCursor column) {
        if (!column.next()) {
            throw new NullValue(column.column().getPath()[0]);
        }
        return column.intValue();
    }

    private static void readFloats(ParquetColumnCursor column, float[] xy, int at, int count) {
        if (!column.floats(xy, at, 2, count)) {
            throw new NullValue(column.column().getPath()[0]);
        }
    }

    /** A null in a column we need; turned into a FileProblem where the file is known. */
    private static final class NullValue extends RuntimeException {
        final String column;

        NullValue(String column) {
            super(null, null, false, false);
            this.column = column;
        }
    }

    /**
     * The checking pass over (index, epoch[, label]): rows must run epoch 0 index 0 … n-1, epoch 1
     * index 0 … n-1, …; n is the length of epoch 0. Collects the labels from epoch 0.
     */
    private static final class Scan {
        private final Path file;
        private final boolean withLabels;
        final List<String> labels = new ArrayList<>();
        /** One String per distinct label: decoding a million labels one by one took a second. */
        private final Map<Binary, String> decoded = new HashMap<>();
        int points = -1;   // unknown until epoch 0 ends
        int epoch;         // current epoch
        int i;             // next index expected within it
        long row;

        Scan(Path file, boolean withLabels) {
            this.file = file;
            this.withLabels = withLabels;
        }

        void rowGroup(PageReadStore rowGroup, MessageType requested) {
            ParquetColumnCursor index = cursor(rowGroup, requested, EpochsSchema.INDEX);
            ParquetColumnCursor epochs = cursor(rowGroup, requested, EpochsSchema.EPOCH);
            ParquetColumnCursor label = withLabels ? cursor(rowGroup, requested, requested.getFieldName(2)) : null;
            try {
                for (long r = rowGroup.getRowCount(); r > 0; r--, row++) {
                    row(readInt(index), readInt(epochs));
                    if (label != null && epoch == 0) {
                        if (!label.next()) {
                            throw new NullValue(requested.getFieldName(2));
                        }
                        labels.add(decoded.computeIfAbsent(label.binaryValue().copy(), Binary::toStringUsingUTF8));
                    }
                }
            } catch (NullValue e) {
                throw new FileProblem(file, "column '" + e.column + "' has a missing (null) value in row " + row);
            }
        }

        private void row(int rowIndex, int rowEpoch) {
            if (rowEpoch == epoch + 1 && (points < 0 ? row > 0 : i == points)) {
                if (points < 0) {
                    points = i;
                }
                epoch++;
                i = 0;
            } else if (rowEpoch != epoch) {
                throw new FileProblem(file, epochProblem(rowEpoch));
            }
            if (points >= 0 && i == points) {
                throw new FileProblem(file, "epoch " + epoch + " has more rows than epoch 0 (" + points + ") (row "
                        + row + ")");
            }
            if (rowIndex != i) {
                throw new FileProblem(file, "rows of epoch " + epoch + " are not indices 0, 1, 2, … in order: index "
                        + rowIndex + " where " + i + " belongs (row " + row + ")");
            }
            i++;
        }

        private String epochProblem(int rowEpoch) {
            if (row == 0) {
                return "the first rows are epoch " + rowEpoch + ", expected epoch 0 (the initial layout)";
            }
            if (rowEpoch < epoch) {
                return "rows are not sorted by epoch: epoch " + rowEpoch + " after epoch " + epoch + " (row " + row + ")";
            }
            if (points >= 0 && i < points) {
                return "epoch " + epoch + " is incomplete: " + i + " of " + points + " points before epoch "
                        + rowEpoch + " starts (row " + row + ")";
            }
            return "epochs missing: epoch " + rowEpoch + " follows epoch " + epoch + " (row " + row + ")";
        }

        void end() {
            if (row == 0) {
                throw new FileProblem(file, "has no rows");
            }
            if (points < 0) {
                points = i;
            } else if (i != points) {
                throw new FileProblem(file, "the last epoch (" + epoch + ") is incomplete: " + i + " of " + points
                        + " points");
            }
        }
    }
}
