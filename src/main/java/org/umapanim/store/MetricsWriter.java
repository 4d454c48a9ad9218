package org.umapanim.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.column.ColumnWriter;
import org.umapanim.common.AtomicFiles;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.quality.QualityRun;

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
        Map<String, String> footer = new LinkedHashMap<>(metadata);
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
            try (ColumnarWriter writer = new ColumnarWriter(tmp, MetricsSchema.SCHEMA, footer, 1)) {
                writer.rowGroup(run.epochs().size(), columns -> {
                    for (EpochMeasures m : run.epochs()) {
                        writeRow(columns, m);
                    }
                });
                writer.finish();
            }
        });
    }

    private static void writeRow(ColumnarWriter.Columns columns, EpochMeasures m) {
        columns.get(0).write(m.epoch(), 0, 0);
        double[] values = {m.trustworthiness(), m.neighbourPreservation(), m.labelAccuracy(), m.motionMedian(),
                m.motionP95(), m.loss(), m.lossAttraction(), m.lossRepulsion()};
        for (int c = 0; c < values.length; c++) {
            ColumnWriter column = columns.get(c + 1);
            int present = MetricsSchema.SCHEMA.getColumns().get(c + 1).getMaxDefinitionLevel();
            if (Double.isNaN(values[c])) {   // NaN: not measured, stored as null
                column.writeNull(0, 0);
            } else {
                column.write(values[c], 0, present);
            }
        }
        columns.endRow();
    }
}
