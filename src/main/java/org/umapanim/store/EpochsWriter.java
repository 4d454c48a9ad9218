package org.umapanim.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.EpochListener;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.dataset.ClassOrder;

/**
 * Records the layout of every epoch and writes {@code data/epochs.parquet} (see {@link EpochsSchema})
 * when the run is over.
 *
 * <p>The coordinates are normalised over all epochs together, so the whole history must be seen
 * before the first row is written. It does not wait in memory: each epoch goes, as float32, to a
 * temporary file beside the target as it arrives (a million points × 201 epochs is 1.6 GB, more
 * than the heap should hold), the bounding box is kept as it goes, and {@link #finish} reads the
 * epochs back one at a time to write the rows. Memory stays at one epoch, 8 bytes a point.
 *
 * <p>Footer metadata: everything the caller passes, plus {@link EpochsSchema#OWN_KEYS} — point and
 * epoch counts, label column, the classes' display order, and the normalisation:
 * {@code stored = (raw - offset) * scale}, {@code raw = stored / scale + offset}, per axis (see
 * {@link Normalisation}).
 */
public final class EpochsWriter implements EpochListener, AutoCloseable {
    /** Small row groups keep a reader's memory small; 1M rows cost < 1% in size. */
    private static final int ROWS_PER_ROW_GROUP = 1 << 20;
    /** Rows read back from the spill file at a time. */
    private static final int SPILL_READ = 1 << 16;

    private final Path file;
    private final String labelColumn;
    private final Binary[] labels;
    /** The classes in display order, for the footer; null for unlabelled data. */
    private final List<String> classes;
    private final int points;
    private final int nEpochs;
    private final boolean stretch;
    private final Map<String, String> metadata;
    private final Path spillFile;
    private final FileChannel spill;
    /** One epoch as float32 bytes, for the spill file both ways. */
    private final ByteBuffer epochBytes;
    private float minX = Float.POSITIVE_INFINITY;
    private float maxX = Float.NEGATIVE_INFINITY;
    private float minY = Float.POSITIVE_INFINITY;
    private float maxY = Float.NEGATIVE_INFINITY;
    private int nextEpoch;
    private boolean finished;

    /** A writer for labels whose file states no class order: the classes follow {@link ClassOrder}'s rule. */
    public EpochsWriter(Path file, String labelColumn, String[] labels, int nEpochs, boolean stretch,
                        Map<String, String> metadata) {
        this(file, labelColumn, labels, List.of(), nEpochs, stretch, metadata);
    }

    /**
     * @param labelColumn name of the label column ({@code digit}), or null for unlabelled data:
     *                    then the file has no label column at all
     * @param labels      one label per point (its length is the number of points); ignored
     *                    but for its length when {@code labelColumn} is null
     * @param classes     the classes in display order ({@link org.umapanim.dataset.Dataset#classes});
     *                    labels it misses follow {@link ClassOrder}'s rule
     * @param nEpochs     number of SGD epochs; epochs 0 … nEpochs are expected
     * @param stretch     per-axis min–max instead of one scale for both axes
     * @param metadata    footer key–value pairs from the caller (tool version, data set, UMAP
     *                    parameters, seed, …); must not use {@link EpochsSchema#OWN_KEYS};
     *                    entries with a null value are left out
     */
    public EpochsWriter(Path file, String labelColumn, String[] labels, List<String> classes, int nEpochs,
                        boolean stretch, Map<String, String> metadata) {
        this.file = Objects.requireNonNull(file, "file");
        EpochsSchema.checkLabelColumnName(labelColumn);
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("no points: labels must have one entry per point");
        }
        if (nEpochs < 0 || nEpochs > EpochsSchema.MAX_EPOCH) {
            throw new IllegalArgumentException("n_epochs must be 0 … " + EpochsSchema.MAX_EPOCH
                    + " (epoch is stored as UINT_16), got " + nEpochs);
        }
        for (String key : metadata.keySet()) {
            if (key != null && EpochsSchema.OWN_KEYS.contains(key)) {
                throw new IllegalArgumentException("metadata key '" + key + "' is written by EpochsWriter itself");
            }
        }
        this.labelColumn = labelColumn;
        this.points = labels.length;
        this.labels = labelColumn == null ? null : LabelDictionary.of(labels);
        this.classes = labelColumn == null ? null : ClassOrder.of(labels, classes);
        this.nEpochs = nEpochs;
        this.stretch = stretch;
        this.metadata = new LinkedHashMap<>(metadata);
        this.spillFile = file.toAbsolutePath().resolveSibling(AtomicFiles.TEMP_PREFIX + file.getFileName() + ".history");
        try {
            Files.createDirectories(spillFile.getParent());
            this.spill = FileChannel.open(spillFile, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new FileProblem(file, "cannot write beside it: " + FileProblem.reason(e), e);
        }
        this.epochBytes = ByteBuffer.allocateDirect(8 * points).order(ByteOrder.LITTLE_ENDIAN);
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
        for (int k = 0; k < layout.length; k += 2) {
            float x = layout[k];
            float y = layout[k + 1];
            if (!Float.isFinite(x) || !Float.isFinite(y)) {
                throw new IllegalArgumentException("epoch " + epoch + ": point " + k / 2 + " has a non-finite coordinate");
            }
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        epochBytes.clear();
        epochBytes.asFloatBuffer().put(layout);
        try {
            while (epochBytes.hasRemaining()) {
                spill.write(epochBytes, (long) epoch * epochBytes.capacity() + epochBytes.position());
            }
        } catch (IOException e) {
            throw new FileProblem(file, "cannot keep the epochs aside: " + FileProblem.reason(e), e);
        }
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
            footer.put(EpochsSchema.KEY_CLASSES, LabelDictionary.orderValue(classes));
        }
        footer.put(EpochsSchema.KEY_NORMALISATION, stretch ? "stretch (per-axis min-max)" : "aspect (one scale, centred)");
        footer.put(EpochsSchema.KEY_FORMULA, Normalisation.FORMULA);
        footer.put(EpochsSchema.KEY_OFFSET_X, Double.toString(norm.offsetX()));
        footer.put(EpochsSchema.KEY_OFFSET_Y, Double.toString(norm.offsetY()));
        footer.put(EpochsSchema.KEY_SCALE_X, Double.toString(norm.scaleX()));
        footer.put(EpochsSchema.KEY_SCALE_Y, Double.toString(norm.scaleY()));

        try (Progress.Task task = progress.start("writing " + file.getFileName(), (long) points * (nEpochs + 1))) {
            AtomicFiles.write(file, tmp -> writeRows(tmp, norm, footer, task));
        } finally {
            close();
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
        return Normalisation.fit(minX, maxX, minY, maxY, stretch);
    }

    /** Fills {@code bytes} with the coordinates of rows {@code row} … {@code row + rows - 1} from the spill file. */
    private void readSpill(ByteBuffer bytes, long row, int rows) throws IOException {
        bytes.clear().limit(8 * rows);
        while (bytes.hasRemaining()) {
            if (spill.read(bytes, 8 * row + bytes.position()) < 0) {
                throw new IOException("the epochs kept aside in " + spillFile.getFileName() + " end early");
            }
        }
        bytes.flip();
    }

    /** Removes the epochs kept aside; {@link #finish} does it too. Safe to call more than once. */
    @Override
    public void close() {
        try {
            spill.close();
        } catch (IOException ignored) {
            // closing a file we only wrote and read cannot lose anything
        }
        AtomicFiles.deleteQuietly(spillFile);
    }

    private void writeRows(Path tmp, Normalisation norm, Map<String, String> footer, Progress.Task task)
            throws IOException {
        long rows = (long) points * (nEpochs + 1);
        int threads = Runtime.getRuntime().availableProcessors();
        try (ColumnarWriter writer = new ColumnarWriter(tmp, EpochsSchema.schema(labelColumn), footer, threads,
                labelColumn == null ? new String[0] : new String[] {labelColumn})) {
            for (long first = 0; first < rows; first += ROWS_PER_ROW_GROUP) {
                long from = first;
                int count = (int) Math.min(ROWS_PER_ROW_GROUP, rows - first);
                writer.rowGroup(count, columns -> {
                    writeRowGroup(columns, from, count, norm);
                    task.step(count);
                });
            }
            writer.finish();
        }
    }

    /** Rows {@code first} … {@code first + count - 1}: row r is point r mod n of epoch r / n. */
    private void writeRowGroup(ColumnarWriter.Columns columns, long first, int count, Normalisation norm)
            throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8 * SPILL_READ).order(ByteOrder.LITTLE_ENDIAN);
        bytes.limit(0);
        ColumnWriter index = columns.get(0);
        ColumnWriter x = columns.get(1);
        ColumnWriter y = columns.get(2);
        ColumnWriter label = labels == null ? null : columns.get(3);
        ColumnWriter epoch = columns.get(labels == null ? 3 : 4);
        int e = (int) (first / points);
        int i = (int) (first % points);
        for (int k = 0; k < count; k++) {
            if (!bytes.hasRemaining()) {
                readSpill(bytes, first + k, Math.min(SPILL_READ, count - k));
            }
            index.write(i, 0, 0);
            x.write(norm.x(bytes.getFloat()), 0, 0);
            y.write(norm.y(bytes.getFloat()), 0, 0);
            if (label != null) {
                label.write(labels[i], 0, 0);
            }
            epoch.write(e, 0, 0);
            columns.endRow();
            if (++i == points) {
                i = 0;
                e++;
            }
        }
    }
}
