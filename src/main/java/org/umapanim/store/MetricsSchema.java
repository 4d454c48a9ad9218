package org.umapanim.store;

import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The columns and footer keys of {@code data/metrics.parquet}: one row per epoch, in epoch order,
 * the layout's measures (see {@link org.umapanim.quality.EpochMeasures}).
 *
 * <pre>
 *   epoch                   INT32 (UINT_16)   0 = initial layout, k = after k epochs
 *   trustworthiness         DOUBLE            k = 15, in [0,1]
 *   neighbour_preservation  DOUBLE            fraction of the 15 input-space neighbours kept, [0,1]
 *   label_accuracy          DOUBLE, nullable  10-NN accuracy in the layout; null for unlabelled data
 *   motion_median           DOUBLE, nullable  displacement since the previous epoch, in the units
 *   motion_p95              DOUBLE, nullable  of epochs.parquet's x and y; null at epoch 0
 *   loss                    DOUBLE, nullable  fuzzy cross-entropy estimate = attraction + repulsion;
 *   loss_attraction         DOUBLE, nullable  null when the reducer has no such objective
 *   loss_repulsion          DOUBLE, nullable
 * </pre>
 *
 * The footer has the caller's metadata (the same as the other files'), the counts
 * {@link #KEY_EPOCHS} and {@link #KEY_POINTS}, and under {@link #METHOD_PREFIX} how each measure is
 * computed ({@code umap-anim.metrics.trustworthiness}, …, sample sizes, k, the loss's samples).
 */
public final class MetricsSchema {
    public static final String EPOCH = "epoch";
    public static final String TRUSTWORTHINESS = "trustworthiness";
    public static final String NEIGHBOUR_PRESERVATION = "neighbour_preservation";
    public static final String LABEL_ACCURACY = "label_accuracy";
    public static final String MOTION_MEDIAN = "motion_median";
    public static final String MOTION_P95 = "motion_p95";
    public static final String LOSS = "loss";
    public static final String LOSS_ATTRACTION = "loss_attraction";
    public static final String LOSS_REPULSION = "loss_repulsion";
    /** The measures, in column order after {@link #EPOCH}; the first two are never null. */
    static final List<String> MEASURES = List.of(TRUSTWORTHINESS, NEIGHBOUR_PRESERVATION, LABEL_ACCURACY,
            MOTION_MEDIAN, MOTION_P95, LOSS, LOSS_ATTRACTION, LOSS_REPULSION);

    public static final String KEY_POINTS = EpochsSchema.KEY_POINTS;
    public static final String KEY_EPOCHS = EpochsSchema.KEY_EPOCHS;
    public static final String METHOD_PREFIX = "umap-anim.metrics.";

    static final MessageType SCHEMA = schema();

    private MetricsSchema() {}

    private static MessageType schema() {
        var b = Types.buildMessage()
                .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, false)).named(EPOCH);
        for (String measure : MEASURES) {
            Type.Repetition repetition = measure.equals(TRUSTWORTHINESS) || measure.equals(NEIGHBOUR_PRESERVATION)
                    ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            b = b.primitive(PrimitiveTypeName.DOUBLE, repetition).named(measure);
        }
        return b.named("metrics");
    }
}
