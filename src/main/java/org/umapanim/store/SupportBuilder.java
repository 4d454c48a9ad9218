package org.umapanim.store;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.umapanim.common.LibraryLogs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ParquetWriter} builder for a ready-made {@link WriteSupport}, writing a local file
 * without Hadoop's FileSystem, with the settings both our files share: writer version 2
 * (DELTA_BINARY_PACKED for integers), ZSTD and page CRCs.
 */
final class SupportBuilder<T> extends ParquetWriter.Builder<T, SupportBuilder<T>> {
    private final WriteSupport<T> support;

    private SupportBuilder(Path file, WriteSupport<T> support) {
        super(new LocalOutputFile(file));
        this.support = support;
    }

    static <T> SupportBuilder<T> of(Path file, WriteSupport<T> support) {
        LibraryLogs.quietByDefault();
        // A plain configuration keeps Hadoop's Configuration (and its XML resource loading) out.
        return new SupportBuilder<>(file, support)
                .withConf(new PlainParquetConfiguration())
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withPageWriteChecksumEnabled(true);   // lets a reader tell a damaged page from data
    }

    /** The caller's footer entries, minus those without a value (Parquet's footer has no nulls). */
    static Map<String, String> footer(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (key != null && value != null) {
                out.put(key, value);
            }
        });
        return out;
    }

    @Override
    protected SupportBuilder<T> self() {
        return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
        return support;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
        return support;
    }
}
