package org.umapanim.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.umapanim.common.AtomicFiles;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.quality.QualityRun;

import java.nio.file.Path;

/**
 * Writes {@code data/metrics.parquet} (see {@link MetricsSchema}): one row per epoch, NaN
 * measures as nulls, the footer saying how each was computed; written to a temporary file and
 * renamed into place.
 */
public final class MetricsWriter {
    private MetricsWriter() {}

    /**
     * @param metadata the footer entries every file of the run carries (entries with a null value
     *                 are left out); must not use this file's own keys
     */
    public static void write(Path file, QualityRun run, Map<String, String> metadata) {
        Map<String, String> footer = SupportBuilder.footer(metadata);
        Map<String, String> own = new LinkedHashMap<>();
        own.put(MetricsSchema.KEY_POINTS, Integer.toString(run.method().points()));
        own.put(MetricsSchema.KEY_EPOCHS, Integer.toString(run.last().epoch()));
        run.method().describe().forEach((key, value) -> own.put(MetricsSchema.METHOD_PREFIX + key, value));
        for (String key : own.keySet()) {
            if (footer.containsKey(key)) {
                throw new IllegalArgumentException("metadata key '" + key + "' is written by MetricsWriter itself");
            }
        }
        footer.putAll(own);
        AtomicFiles.write(file, tmp -> {
            try (ParquetWriter<EpochMeasures> writer = SupportBuilder.of(tmp, new RowSupport(footer)).build()) {
                for (EpochMeasures row : run.epochs()) {
                    writer.write(row);
                }
            }
        });
    }

    private static final class RowSupport extends WriteSupport<EpochMeasures> {
        private final Map<String, String> footer;
        private RecordConsumer out;

        RowSupport(Map<String, String> footer) {
            this.footer = footer;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(MetricsSchema.SCHEMA, footer);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(MetricsSchema.SCHEMA, footer);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(EpochMeasures m) {
            out.startMessage();
            out.startField(MetricsSchema.EPOCH, 0);
            out.addInteger(m.epoch());
            out.endField(MetricsSchema.EPOCH, 0);
            double[] values = {m.trustworthiness(), m.neighbourPreservation(), m.labelAccuracy(), m.motionMedian(),
                    m.motionP95(), m.loss(), m.lossAttraction(), m.lossRepulsion()};
            for (int c = 0; c < values.length; c++) {
                if (!Double.isNaN(values[c])) {   // NaN: not measured, stored as null
                    String name = MetricsSchema.MEASURES.get(c);
                    out.startField(name, c + 1);
                    out.addDouble(values[c]);
                    out.endField(name, c + 1);
                }
            }
            out.endMessage();
        }
    }
}
