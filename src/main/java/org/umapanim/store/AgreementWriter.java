package org.umapanim.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.umapanim.common.AtomicFiles;

/**
 * Writes {@code data/compare-metrics.parquet}: how far the compared runs' layouts agree, one row
 * per frame of the comparison movie and pair of runs, in frame order, then pair order.
 *
 * <pre>
 *   frame      INT32 (UINT_32)  the movie's frame
 *   progress   DOUBLE           the fraction of every run's steps done at that frame, [0,1]
 *   run_a      INT32 (UINT_8)   the pair's first run, 0-based, as the footer numbers them
 *   run_b      INT32 (UINT_8)   its second run
 *   agreement  DOUBLE           mean fraction of the sampled points' k nearest neighbours shared, [0,1]
 * </pre>
 *
 * The footer holds the caller's metadata: which runs (their folders, identities, headings) and how
 * the agreement was measured.
 */
public final class AgreementWriter {
    public static final String FRAME = "frame";
    public static final String PROGRESS = "progress";
    public static final String RUN_A = "run_a";
    public static final String RUN_B = "run_b";
    public static final String AGREEMENT = "agreement";

    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named(FRAME)
            .required(PrimitiveTypeName.DOUBLE).named(PROGRESS)
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, false)).named(RUN_A)
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, false)).named(RUN_B)
            .required(PrimitiveTypeName.DOUBLE).named(AGREEMENT)
            .named("agreement");

    private AgreementWriter() {}

    /**
     * @param progress  each frame's progress
     * @param pairs     the pairs of runs, (a, b) each
     * @param agreement per frame, the agreement of each pair, in {@code pairs} order
     */
    public static void write(Path file, double[] progress, List<int[]> pairs, double[][] agreement,
                             Map<String, String> metadata) {
        if (agreement.length != progress.length) {
            throw new IllegalArgumentException(agreement.length + " frames of agreement for " + progress.length + " frames");
        }
        Map<String, String> footer = new LinkedHashMap<>(metadata);
        AtomicFiles.write(file, tmp -> {
            try (ColumnarWriter writer = new ColumnarWriter(tmp, SCHEMA, footer, 1)) {
                writer.rowGroup((long) progress.length * pairs.size(), columns -> {
                    for (int f = 0; f < progress.length; f++) {
                        for (int p = 0; p < pairs.size(); p++) {
                            columns.get(0).write(f, 0, 0);
                            columns.get(1).write(progress[f], 0, 0);
                            columns.get(2).write(pairs.get(p)[0], 0, 0);
                            columns.get(3).write(pairs.get(p)[1], 0, 0);
                            columns.get(4).write(agreement[f][p], 0, 0);
                            columns.endRow();
                        }
                    }
                });
                writer.finish();
            }
        });
    }
}
