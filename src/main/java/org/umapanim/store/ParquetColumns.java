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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Column-at-a-time reading of a flat Parquet file: one row group in memory at a time, values
 * decoded page by page, no record objects.
 */
final class ParquetColumns {
    private ParquetColumns() {}

    /** Opens {@code file}, turning "missing", "not Parquet" and "corrupt footer" into one-line problems. */
    static ParquetFileReader open(Path file) {
        QuietLogs.ensure();
        if (!Files.exists(file)) {
            throw new FileProblem(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileProblem(file, "is not a regular file");
        }
        try {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
            return ParquetFileReader.open(new LocalInputFile(file), options);
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "not a Parquet file, or a truncated or corrupt one ("
                    + oneLine(e) + ")", e);
        }
    }

    /** Readers for the requested columns of one row group. */
    static ColumnReadStoreImpl columns(PageReadStore rowGroup, MessageType requested, String createdBy) {
        return new ColumnReadStoreImpl(rowGroup, new Ignored(requested.getFieldCount()), requested, createdBy);
    }

    static ColumnReader reader(ColumnReadStoreImpl store, MessageType requested, String column) {
        return store.getColumnReader(requested.getColumnDescription(new String[] {column}));
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
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
