package org.umapanim.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.umapanim.common.FileProblem;
import org.umapanim.dataset.ParquetColumnCursor;
import org.umapanim.dataset.ParquetFiles;

/** Reads {@code compare-metrics.parquet} ({@link AgreementWriter}) back: every frame's progress and each pair's agreement. */
public final class AgreementReader {
    private AgreementReader() {}

    /**
     * @param progress each frame's progress
     * @param values   per pair (in the file's order of pairs), per frame
     */
    public record Agreement(double[] progress, List<double[]> values) {}

    /** Reads {@code file}, written for {@code pairs} pairs of runs; throws {@link FileProblem} naming what is wrong. */
    public static Agreement read(Path file, int pairs) {
        try (ParquetFileReader parquet = ParquetFiles.open(file)) {
            MessageType schema = parquet.getFooter().getFileMetaData().getSchema();
            for (String column : List.of(AgreementWriter.FRAME, AgreementWriter.PROGRESS, AgreementWriter.AGREEMENT)) {
                if (!schema.containsField(column)) {
                    throw new FileProblem(file, "missing column '" + column + "': not a comparison's agreement file");
                }
            }
            List<Double> progress = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            long row = 0;
            PageReadStore rowGroup;
            while ((rowGroup = parquet.readNextRowGroup()) != null) {
                ParquetColumnCursor frame = cursor(rowGroup, schema, AgreementWriter.FRAME);
                ParquetColumnCursor at = cursor(rowGroup, schema, AgreementWriter.PROGRESS);
                ParquetColumnCursor agreement = cursor(rowGroup, schema, AgreementWriter.AGREEMENT);
                for (long r = rowGroup.getRowCount(); r > 0; r--, row++) {
                    if (!frame.next() || !at.next() || !agreement.next()) {
                        throw new FileProblem(file, "has missing (null) values");
                    }
                    if (frame.intValue() != row / pairs) {
                        throw new FileProblem(file, "rows are not frames 0, 1, 2, … with " + pairs + " pairs each");
                    }
                    if (row % pairs == 0) {
                        progress.add(at.doubleValue());
                    }
                    values.add(agreement.doubleValue());
                }
            }
            if (progress.isEmpty() || row % pairs != 0) {
                throw new FileProblem(file, "does not hold " + pairs + " pairs for every frame");
            }
            int frames = progress.size();
            List<double[]> byPair = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                double[] v = new double[frames];
                for (int f = 0; f < frames; f++) {
                    v[f] = values.get(f * pairs + p);
                }
                byPair.add(v);
            }
            return new Agreement(progress.stream().mapToDouble(Double::doubleValue).toArray(), byPair);
        } catch (FileProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "corrupt Parquet data (" + ParquetFiles.detail(e) + ")", e);
        }
    }

    private static ParquetColumnCursor cursor(PageReadStore rowGroup, MessageType schema, String column) {
        ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {column});
        return new ParquetColumnCursor(descriptor, rowGroup.getPageReader(descriptor));
    }
}
