package org.umapanim.store;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.umapanim.common.FileProblem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Column-at-a-time reading of a flat Parquet file: one row group in memory at a time, values
 * decoded page by page, no record objects.
 */
final class ParquetColumns {
    private ParquetColumns() {}

    /** Opens {@code file}, turning "missing", "not Parquet", "truncated" and "corrupt footer" into one-line problems. */
    static ParquetFileReader open(Path file) {
        QuietLogs.ensure();
        if (!Files.exists(file)) {
            throw new FileProblem(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileProblem(file, "is not a regular file");
        }
        checkMagic(file);
        try {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .usePageChecksumVerification(true)   // our writer stores CRCs: corruption is caught, not drawn
                    .build();
            return ParquetFileReader.open(new LocalInputFile(file), options);
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "corrupt Parquet footer (" + detail(e) + ")", e);
        }
    }

    /** Parquet files start and end with "PAR1"; a file cut short (by a kill, a full disk) has no end. */
    private static void checkMagic(Path file) {
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4), tail = ByteBuffer.allocate(4);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // read the first four bytes, or as many as there are
            }
            if (head.hasRemaining() || !Arrays.equals(head.array(), magic)) {
                throw new FileProblem(file, size == 0 ? "is empty, not a Parquet file" : "not a Parquet file");
            }
            channel.position(Math.max(4, size - 4));
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // read the last four bytes
            }
            if (size < 12 || tail.hasRemaining() || !Arrays.equals(tail.array(), magic)) {
                throw new FileProblem(file, "truncated Parquet file (it has no footer)");
            }
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The gist of a library's exception: its first line, cut short. */
    static String detail(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() <= 100 ? message : message.substring(0, 100) + "…";
    }

    /** Readers for the requested columns of one row group. */
    static ColumnReadStoreImpl columns(PageReadStore rowGroup, MessageType requested, String createdBy) {
        return new ColumnReadStoreImpl(rowGroup, new Ignored(requested.getFieldCount()), requested, createdBy);
    }

    static ColumnReader reader(ColumnReadStoreImpl store, MessageType requested, String column) {
        return store.getColumnReader(requested.getColumnDescription(new String[] {column}));
    }

    /** We pull values from the column readers ourselves; the converters they insist on do nothing. */
    private static final class Ignored extends GroupConverter {
        private final PrimitiveConverter primitive = new PrimitiveConverter() {};
        private final int fields;

        Ignored(int fields) {
            this.fields = fields;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            if (fieldIndex >= fields) {
                throw new IndexOutOfBoundsException(fieldIndex);
            }
            return primitive;
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
