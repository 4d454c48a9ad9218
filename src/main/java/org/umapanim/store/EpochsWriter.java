package org.umapanim.store;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Records the layout of every epoch and writes {@code data/epochs.parquet} (see {@link EpochsSchema})
 * when the run is over.
 *
 * <p>The coordinates are normalised over all epochs together, so the whole history must be seen
 * before the first row is written. It is kept as float32, one {@code float[2n]} per epoch: for
 * 30,000 points × 201 epochs that is 30,000 × 2 × 4 B × 201 = 48.2 MB. Each epoch's array is
 * released as soon as its rows are written.
 *
 * <p>Footer metadata: everything the caller passes, plus {@link EpochsSchema#OWN_KEYS} — point and
 * epoch counts, label column, and the normalisation: {@code stored = (raw - offset) * scale},
 * {@code raw = stored / scale + offset}, per axis (see {@link Normalisation}).
 */
public final class EpochsWriter implements EpochListener {
    /** Small row groups keep a reader's memory small; 1M rows cost < 1% in size. */
    private static final int ROWS_PER_ROW_GROUP = 1 << 20;

    private final Path file;
    private final String labelColumn;
    private final Binary[] labels;
    private final int points;
    private final int nEpochs;
    private final boolean stretch;
    private final Map<String, String> metadata;
    private final float[][] history;
    private int nextEpoch;
    private boolean finished;

    /**
     * @param labelColumn name of the label column ({@code digit}), or null for unlabelled data:
     *                    then the file has no label column at all
     * @param labels      one label per point (its length is the number of points); ignored
     *                    but for its length when {@code labelColumn} is null
     * @param nEpochs     number of SGD epochs; epochs 0 … nEpochs are expected
     * @param stretch     per-axis min–max instead of one scale for both axes
     * @param metadata    footer key–value pairs from the caller (tool version, data set, UMAP
     *                    parameters, seed, …); must not use {@link EpochsSchema#OWN_KEYS};
     *                    entries with a null value are left out
     */
    public EpochsWriter(Path file, String labelColumn, String[] labels, int nEpochs, boolean stretch,
                        Map<String, String> metadata) {
        this.file = Objects.requireNonNull(file, "file");
        EpochsSchema.checkLabelColumnName(labelColumn);
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("no points: labels must have one entry per point");
        }
        if (nEpochs < 0 || nEpochs > 0xFFFF) {
            throw new IllegalArgumentException("n_epochs must be 0 … 65535 (epoch is stored as UINT_16), got " + nEpochs);
        }
        for (String key : metadata.keySet()) {
            if (key != null && EpochsSchema.OWN_KEYS.contains(key)) {
                throw new IllegalArgumentException("metadata key '" + key + "' is written by EpochsWriter itself");
            }
        }
        this.labelColumn = labelColumn;
        this.points = labels.length;
        this.labels = labelColumn == null ? null : LabelDictionary.of(labels);
        this.nEpochs = nEpochs;
        this.stretch = stretch;
        this.metadata = SupportBuilder.footer(metadata);
        this.history = new float[nEpochs + 1][];
    }

    @Override
    public void onEpoch(int epoch, float[] layout) {
        if (epoch != nextEpoch) {
            throw new IllegalStateException("expected epoch " + nextEpoch + ", got " + epoch);
        }
        if (epoch > nEpochs) {
            throw new IllegalStateException("epoch " + epoch + " is beyond n_epochs = " + nEpochs);
        }
        if (layout.length != 2 * points) {
            throw new IllegalArgumentException("layout of epoch " + epoch + " has " + layout.length
                    + " values, expected 2 × " + points);
        }
        for (int k = 0; k < layout.length; k++) {
            if (!Float.isFinite(layout[k])) {
                throw new IllegalArgumentException("epoch " + epoch + ": point " + k / 2 + " has a non-finite coordinate");
            }
        }
        history[epoch] = layout.clone();
        nextEpoch++;
    }

    public EpochsSummary finish() {
        return finish(Progress.NONE);
    }

    /** Normalises and writes the file (atomically); reports progress in epochs written. */
    public EpochsSummary finish(Progress progress) {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        if (nextEpoch != nEpochs + 1) {
            throw new IllegalStateException("received epochs 0 … " + (nextEpoch - 1) + " of 0 … " + nEpochs);
        }
        finished = true;
        long start = System.nanoTime();
        Normalisation norm = fit();
        Map<String, String> footer = new LinkedHashMap<>(metadata);
        footer.put(EpochsSchema.KEY_POINTS, Integer.toString(points));
        footer.put(EpochsSchema.KEY_EPOCHS, Integer.toString(nEpochs));
        if (labelColumn != null) {
            footer.put(EpochsSchema.KEY_LABEL_COLUMN, labelColumn);
        }
        footer.put(EpochsSchema.KEY_NORMALISATION, stretch ? "stretch (per-axis min-max)" : "aspect (one scale, centred)");
        footer.put(EpochsSchema.KEY_FORMULA, Normalisation.FORMULA);
        footer.put(EpochsSchema.KEY_OFFSET_X, Double.toString(norm.offsetX()));
        footer.put(EpochsSchema.KEY_OFFSET_Y, Double.toString(norm.offsetY()));
        footer.put(EpochsSchema.KEY_SCALE_X, Double.toString(norm.scaleX()));
        footer.put(EpochsSchema.KEY_SCALE_Y, Double.toString(norm.scaleY()));

        try (Progress.Task task = progress.start("writing " + file.getFileName(), nEpochs + 1L)) {
            AtomicFiles.write(file, tmp -> writeRows(tmp, norm, footer, task));
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        return new EpochsSummary(file, (long) points * (nEpochs + 1), bytes,
                Duration.ofNanos(System.nanoTime() - start), norm);
    }

    private Normalisation fit() {
        float minX = Float.POSITIVE_INFINITY, maxX = Float.NEGATIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        for (float[] xy : history) {
            for (int k = 0; k < xy.length; k += 2) {
                float x = xy[k], y = xy[k + 1];
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
        }
        return Normalisation.fit(minX, maxX, minY, maxY, stretch);
    }

    private void writeRows(Path tmp, Normalisation norm, Map<String, String> footer, Progress.Task task)
            throws IOException {
        MessageType schema = EpochsSchema.schema(labelColumn);
        var builder = SupportBuilder.of(tmp, new RowSupport(schema, labelColumn, footer))
                .withRowGroupRowCountLimit(ROWS_PER_ROW_GROUP)
                .withDictionaryEncoding(false);
        if (labelColumn != null) {
            builder = builder.withDictionaryEncoding(labelColumn, true);
        }
        Row row = new Row();
        try (ParquetWriter<Row> writer = builder.build()) {
            for (int e = 0; e <= nEpochs; e++) {
                float[] xy = history[e];
                row.epoch = e;
                for (int i = 0; i < points; i++) {
                    row.index = i;
                    row.x = norm.x(xy[2 * i]);
                    row.y = norm.y(xy[2 * i + 1]);
                    row.label = labels == null ? null : labels[i];
                    writer.write(row);
                }
                history[e] = null;   // written: let it go, so the peak stays at the history's size
                task.step();
            }
        }
    }

    /** One row, reused for every row: the writer consumes it before write() returns. */
    private static final class Row {
        int index;
        float x;
        float y;
        Binary label;
        int epoch;
    }

    private static final class RowSupport extends WriteSupport<Row> {
        private final MessageType schema;
        private final String labelColumn;
        private final Map<String, String> footer;
        private RecordConsumer out;

        RowSupport(MessageType schema, String labelColumn, Map<String, String> footer) {
            this.schema = schema;
            this.labelColumn = labelColumn;
            this.footer = footer;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, footer);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, footer);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Row r) {
            out.startMessage();
            out.startField(EpochsSchema.INDEX, 0);
            out.addInteger(r.index);
            out.endField(EpochsSchema.INDEX, 0);
            out.startField(EpochsSchema.X, 1);
            out.addFloat(r.x);
            out.endField(EpochsSchema.X, 1);
            out.startField(EpochsSchema.Y, 2);
            out.addFloat(r.y);
            out.endField(EpochsSchema.Y, 2);
            int epochField = 3;
            if (labelColumn != null) {
                out.startField(labelColumn, 3);
                out.addBinary(r.label);
                out.endField(labelColumn, 3);
                epochField = 4;
            }
            out.startField(EpochsSchema.EPOCH, epochField);
            out.addInteger(r.epoch);
            out.endField(EpochsSchema.EPOCH, epochField);
            out.endMessage();
        }
    }
}
