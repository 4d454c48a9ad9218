package org.umapanim.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.umapanim.common.FileProblem;
import org.umapanim.dataset.ParquetColumnCursor;
import org.umapanim.dataset.ParquetFiles;
import org.umapanim.quality.EpochMeasures;

/**
 * Reads {@code data/metrics.parquet} (see {@link MetricsSchema}) back, checking its columns and
 * that its rows are epochs 0, 1, 2, … in order; nulls come back as NaN.
 */
public final class MetricsReader {
    private MetricsReader() {}

    /** The measures of every epoch and the footer metadata. */
    public record Metrics(List<EpochMeasures> epochs, Map<String, String> metadata) {
        public Metrics {
            epochs = List.copyOf(epochs);
        }

        public int lastEpoch() {
            return epochs.size() - 1;
        }

        /** The reducer that made the run and its word for a step (UMAP's for older files). */
        public RecordedReducer reducer() {
            return RecordedReducer.of(metadata);
        }

        /** The phases of its steps its footer records (t-SNE's early exaggeration). */
        public List<StepPhase> phases() {
            return StepPhase.of(metadata);
        }
    }

    /** Reads and checks {@code file}; throws {@link FileProblem} naming what is wrong with it. */
    public static Metrics read(Path file) {
        try (ParquetFileReader parquet = ParquetFiles.open(file)) {
            MessageType schema = parquet.getFooter().getFileMetaData().getSchema();
            Map<String, String> metadata = Collections.unmodifiableMap(
                    new LinkedHashMap<>(parquet.getFooter().getFileMetaData().getKeyValueMetaData()));
            checkType(file, schema, MetricsSchema.EPOCH, PrimitiveTypeName.INT32);
            for (String measure : MetricsSchema.MEASURES) {
                checkType(file, schema, measure, PrimitiveTypeName.DOUBLE);
            }
            List<EpochMeasures> epochs = new ArrayList<>();
            PageReadStore rowGroup;
            while ((rowGroup = parquet.readNextRowGroup()) != null) {
                ParquetColumnCursor epoch = cursor(rowGroup, schema, MetricsSchema.EPOCH);
                List<ParquetColumnCursor> measures = new ArrayList<>();
                for (String measure : MetricsSchema.MEASURES) {
                    measures.add(cursor(rowGroup, schema, measure));
                }
                for (long r = rowGroup.getRowCount(); r > 0; r--) {
                    if (!epoch.next()) {
                        throw new FileProblem(file, "column 'epoch' has missing (null) values");
                    }
                    int e = epoch.intValue();
                    if (e != epochs.size()) {
                        throw new FileProblem(file, "rows are not epochs 0, 1, 2, … in order: epoch " + e + " where "
                                + epochs.size() + " belongs");
                    }
                    double[] v = new double[measures.size()];
                    for (int c = 0; c < v.length; c++) {
                        ParquetColumnCursor column = measures.get(c);
                        v[c] = column.next() ? column.doubleValue() : Double.NaN;
                    }
                    // v[5], the loss, is the sum of the two parts that follow it
                    epochs.add(new EpochMeasures(e, v[0], v[1], v[2], v[3], v[4], v[6], v[7]));
                }
            }
            if (epochs.isEmpty()) {
                throw new FileProblem(file, "has no rows");
            }
            return new Metrics(epochs, metadata);
        } catch (FileProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "corrupt Parquet data (" + ParquetFiles.detail(e) + ")", e);
        }
    }

    private static void checkType(Path file, MessageType schema, String column, PrimitiveTypeName wanted) {
        if (!schema.containsField(column)) {
            throw new FileProblem(file, "missing column '" + column + "': not a metrics file");
        }
        Type type = schema.getType(column);
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)
                || type.asPrimitiveType().getPrimitiveTypeName() != wanted) {
            throw new FileProblem(file, "column '" + column + "' is " + type + ", expected " + wanted);
        }
    }

    private static ParquetColumnCursor cursor(PageReadStore rowGroup, MessageType schema, String column) {
        ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {column});
        return new ParquetColumnCursor(descriptor, rowGroup.getPageReader(descriptor));
    }
}
