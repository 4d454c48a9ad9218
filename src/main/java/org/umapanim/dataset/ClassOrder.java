package org.umapanim.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order of a data set's classes: the one definition behind the legend, the palette and the
 * viewer's key. A file that states an order keeps it (an AnnData categorical column's
 * {@code categories}, a known data set's class names, the order recorded in our own Parquet
 * files); labels no stated order covers follow the rule for data that states none: all numbers
 * numerically (so "10" follows "9"), anything else as text.
 */
public final class ClassOrder {
    private ClassOrder() {}

    /**
     * The distinct {@code labels}, in the order of {@code stated} (names that no label has are left
     * out, repeated ones count once), then the ones {@code stated} misses, by {@link #rule}.
     */
    public static List<String> of(String[] labels, List<String> stated) {
        // distinct first: a million labels have few distinct values, and the rule parses numbers
        Set<String> present = new HashSet<>(Arrays.asList(labels));
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (String name : stated) {
            if (present.contains(name)) {
                order.add(name);
            }
        }
        if (order.size() < present.size()) {
            List<String> rest = new ArrayList<>();
            for (String name : present) {
                if (!order.contains(name)) {
                    rest.add(name);
                }
            }
            order.addAll(rule(rest));
        }
        return List.copyOf(order);
    }

    /** The distinct {@code labels} by {@link #rule}: the order of data that states none. */
    public static List<String> sorted(String[] labels) {
        return of(labels, List.of());
    }

    /** All numbers: numerically; anything else: as text. */
    private static List<String> rule(List<String> distinct) {
        boolean numeric = distinct.stream().allMatch(ClassOrder::isNumber);
        TreeSet<String> sorted = new TreeSet<>(numeric ? NUMERIC : Comparator.naturalOrder());
        sorted.addAll(distinct);
        return new ArrayList<>(sorted);
    }

    private static final Comparator<String> NUMERIC =
            Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder());

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
