package org.umapanim.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.umapanim.common.FileProblem;

/**
 * Which column of a table holds the labels ({@code --label}), and whether the other columns form
 * an image. Shared by the CSV and Parquet readers so both follow the same rule.
 */
final class LabelRule {
    /** {@code --label none}: every column is a feature and the data is unlabelled. */
    static final String NONE = "none";
    /** Tried in this order, ignoring case, when no label column is named. */
    static final List<String> AUTO = List.of("label", "digit", "class");

    private LabelRule() {}

    /**
     * The index of the label column in {@code names}, or -1 for unlabelled data.
     *
     * @param label the named column; null for the automatic rule (the first of label, digit,
     *              class, else unlabelled); {@code none} for unlabelled
     */
    static int labelIndex(List<String> names, String label, Path file) {
        if (NONE.equals(label)) {
            return -1;
        }
        if (label != null) {
            int i = names.indexOf(label);
            if (i < 0) {
                throw new FileProblem(file, "no label column '" + label + "' (columns: " + summary(names) + ")");
            }
            return i;
        }
        for (String auto : AUTO) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).toLowerCase(Locale.ROOT).equals(auto)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * A square pixel grid when the feature columns are exactly {@code pixel1 … pixelD}, D a square,
     * and every value was a whole number 0–255.
     */
    static Optional<ImageShape> imageShape(List<String> features, boolean allBytes) {
        int d = features.size();
        int side = (int) Math.round(Math.sqrt(d));
        if (!allBytes || side * side != d) {
            return Optional.empty();
        }
        for (int i = 0; i < d; i++) {
            if (!features.get(i).equals("pixel" + (i + 1))) {
                return Optional.empty();
            }
        }
        return Optional.of(new ImageShape(side, side));
    }

    static boolean isByte(float v) {
        return v >= 0 && v <= 255 && v == (int) v;
    }

    /** The first few column names, for messages about wide tables. */
    static String summary(List<String> names) {
        int shown = Math.min(names.size(), 8);
        String text = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? text + ", … (" + names.size() + " in all)" : text;
    }
}
