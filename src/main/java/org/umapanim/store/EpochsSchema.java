package org.umapanim.store;

import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.umapanim.common.SettingProblem;


/**
 * The columns and footer keys of {@code data/epochs.parquet} (docs/design.md §2): one row per point per
 * epoch, sorted by epoch then index.
 *
 * <pre>
 *   index   INT32 (UINT_32)            row of digits.parquet
 *   x, y    FLOAT                      position in [0,1], normalised over all epochs together
 *   label   BINARY (UTF8), dictionary  class label as text; named after the data set's label
 *                                      column ({@code digit}); absent when the data is unlabelled
 *   epoch   INT32 (UINT_16)            0 = initial layout, k = after k SGD epochs
 * </pre>
 */
public final class EpochsSchema {
    public static final String INDEX = "index";
    public static final String X = "x";
    public static final String Y = "y";
    public static final String EPOCH = "epoch";
    static final List<String> FIXED_COLUMNS = List.of(INDEX, X, Y, EPOCH);

    /** The last step a file can hold: the epoch column is UINT_16. */
    public static final int MAX_EPOCH = 0xFFFF;

    /** Footer keys this package adds to whatever the caller records. */
    public static final String KEY_POINTS = "umap-anim.n_points";
    public static final String KEY_EPOCHS = "umap-anim.n_epochs";
    public static final String KEY_LABEL_COLUMN = "umap-anim.label_column";
    /**
     * The classes in display order (legend, palette, viewer), a JSON array of names, in both
     * digits.parquet and epochs.parquet of a labelled run; a file without it shows its classes in
     * {@link org.umapanim.dataset.ClassOrder}'s rule.
     */
    public static final String KEY_CLASSES = "umap-anim.classes";
    public static final String KEY_NORMALISATION = "umap-anim.normalisation";
    public static final String KEY_FORMULA = "umap-anim.normalisation.formula";
    public static final String KEY_OFFSET_X = "umap-anim.normalisation.offset_x";
    public static final String KEY_OFFSET_Y = "umap-anim.normalisation.offset_y";
    public static final String KEY_SCALE_X = "umap-anim.normalisation.scale_x";
    public static final String KEY_SCALE_Y = "umap-anim.normalisation.scale_y";
    static final List<String> OWN_KEYS = List.of(KEY_POINTS, KEY_EPOCHS, KEY_LABEL_COLUMN, KEY_CLASSES,
            KEY_NORMALISATION, KEY_FORMULA, KEY_OFFSET_X, KEY_OFFSET_Y, KEY_SCALE_X, KEY_SCALE_Y);

    private EpochsSchema() {}

    /**
     * Checks that a run of {@code steps} steps after the initial layout fits the epoch column,
     * before any work starts.
     *
     * @param setting the setting that asked for them ("epochs"), named by the problem
     */
    public static void checkSteps(String setting, int steps) {
        if (steps > MAX_EPOCH) {
            throw new SettingProblem(setting, "must be at most " + MAX_EPOCH + " (epochs.parquet stores the epoch as"
                    + " a 16-bit number), got " + steps);
        }
    }

    /** The schema, with the label column named {@code labelColumn}, or without one when null. */
    static MessageType schema(String labelColumn) {
        var b = Types.buildMessage()
                .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named(INDEX)
                .addField(ParquetTypes.floatColumn(X))
                .addField(ParquetTypes.floatColumn(Y));
        if (labelColumn != null) {
            b = b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(labelColumn);
        }
        return b.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, false)).named(EPOCH)
                .named("epochs");
    }

    /** Whether {@code name} cannot name the label column: it is empty or one of the file's own columns. */
    public static boolean isReserved(String name) {
        return name.isEmpty() || FIXED_COLUMNS.contains(name);
    }

    static void checkLabelColumnName(String labelColumn) {
        if (labelColumn != null && (labelColumn.isEmpty() || FIXED_COLUMNS.contains(labelColumn))) {
            throw new IllegalArgumentException("label column name '" + labelColumn
                    + "' cannot be used in epochs.parquet (empty or one of " + FIXED_COLUMNS + ")");
        }
    }
}
