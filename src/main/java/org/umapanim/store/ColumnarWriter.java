package org.umapanim.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.umapanim.common.LibraryLogs;

/**
 * Writes a flat Parquet file a row group at a time, straight into parquet-column's column
 * writers, with the settings all our files share: writer version 2 (DELTA_BINARY_PACKED for
 * integers), ZSTD, page CRCs. Row groups are encoded and compressed on worker threads, in memory,
 * and appended to the file in order.
 *
 * <p>Why not {@code ParquetWriter} and a {@code WriteSupport}: its record assembly costs more than
 * the encoding itself (JFR on 20M epochs rows: 40 % of the time in {@code MessageColumnIO}'s field
 * bookkeeping), and it runs on one thread; a million points × 201 epochs are 201M rows.
 */
final class ColumnarWriter implements AutoCloseable {
    /** Fills one row group: values go to {@code columns.get(c)}, and every row ends with {@code columns.endRow()}. */
    @FunctionalInterface
    interface RowGroup {
        void fill(Columns columns) throws IOException;
    }

    /** The column writers of one row group, by position in the schema. */
    static final class Columns {
        private final ColumnWriteStore store;
        private final ColumnWriter[] writers;

        private Columns(MessageType schema, ColumnWriteStore store) {
            this.store = store;
            this.writers = schema.getColumns().stream().map(store::getColumnWriter).toArray(ColumnWriter[]::new);
        }

        ColumnWriter get(int column) {
            return writers[column];
        }

        void endRow() {
            store.endRecord();
        }
    }

    private final MessageType schema;
    private final ParquetProperties properties;
    private final Map<String, String> footer;
    private final ParquetFileWriter file;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Encoded>> pending = new ArrayDeque<>();
    private final int inFlight;

    /**
     * @param dictionaryColumns columns to dictionary-encode (labels); every other is not, as
     *                          dictionaries cost more than they save on coordinates and pixels
     * @param threads           how many row groups are encoded at once
     */
    ColumnarWriter(Path path, MessageType schema, Map<String, String> footer, int threads, String... dictionaryColumns) {
        LibraryLogs.quietByDefault();
        ParquetProperties.Builder properties = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(false)
                .withPageWriteChecksumEnabled(true);   // lets a reader tell a damaged page from data
        for (String column : dictionaryColumns) {
            properties.withDictionaryEncoding(column, true);
        }
        this.schema = schema;
        this.properties = properties.build();
        this.footer = new LinkedHashMap<>();
        footer.forEach((key, value) -> {
            if (key != null && value != null) {   // Parquet's footer has no nulls: such entries are left out
                this.footer.put(key, value);
            }
        });
        this.inFlight = threads + 1;   // each row group waits in memory, compressed, until its turn
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parquet-row-groups");
            t.setDaemon(true);
            return t;
        });
        try {
            this.file = new ParquetFileWriter(new LocalOutputFile(path), schema, ParquetFileWriter.Mode.CREATE,
                    ParquetWriter.DEFAULT_BLOCK_SIZE, 0, null, this.properties);
            file.start();
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes a row group of {@code rows} rows on a worker; row groups reach the file in the order given. */
    void rowGroup(long rows, RowGroup fill) throws IOException {
        pending.add(workers.submit(() -> encode(rows, fill)));
        while (pending.size() >= inFlight) {
            append(pending.poll());
        }
    }

    private Encoded encode(long rows, RowGroup fill) throws IOException {
        // a compressor of its own: they keep native state and are not to be shared between threads
        CodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), properties.getPageSizeThreshold());
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(codecs.getCompressor(CompressionCodecName.ZSTD),
                schema, properties.getAllocator(), properties.getColumnIndexTruncateLength(),
                properties.getPageWriteChecksumEnabled());
        ColumnWriteStore columns = properties.newColumnWriteStore(schema, pages);
        fill.fill(new Columns(schema, columns));
        columns.flush();
        return new Encoded(rows, columns, pages, codecs);
    }

    private void append(Future<Encoded> next) throws IOException {
        Encoded group;
        try {
            group = next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
        file.startBlock(group.rows());
        group.pages().flushToFileWriter(file);
        file.endBlock();
        group.release();
    }

    /** Appends what is still being encoded and writes the footer. */
    void finish() throws IOException {
        while (!pending.isEmpty()) {
            append(pending.poll());
        }
        file.end(footer);
    }

    /** Stops the workers; without {@link #finish} the file is incomplete (its caller deletes it). */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private record Encoded(long rows, ColumnWriteStore columns, ColumnChunkPageWriteStore pages, CodecFactory codecs) {
        void release() {
            // the column store's close() declares Exception but only frees buffers
            try {
                columns.close();
            } catch (Exception ignored) {
                // nothing to lose: the row group is in the file
            }
            pages.close();
            codecs.release();
        }
    }
}
