package org.umapanim.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.dataset.ClassOrder;

/**
 * The distinct classes among the points' labels, in display order, and the class of every point.
 * The order is the one the data states (the run's recorded order, see
 * {@link org.umapanim.store.EpochHistory#classes}); labels it does not cover follow
 * {@link ClassOrder}'s rule. Colours follow the order. Missing labels (unlabelled data) count as
 * one class with an empty name.
 */
public final class Classes {
    private final String[] names;
    private final int[] ofPoint;

    private Classes(String[] names, int[] ofPoint) {
        this.names = names;
        this.ofPoint = ofPoint;
    }

    /** The classes of {@code labels} in {@link ClassOrder}'s rule: for data that states no order. */
    public static Classes of(String[] labels) {
        return of(labels, List.of());
    }

    /** The classes of {@code labels} in the order {@code order} states (a history's {@code classes()}). */
    public static Classes of(String[] labels, List<String> order) {
        String[] clean = new String[labels == null ? 0 : labels.length];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = labels[i] == null ? "" : labels[i];
        }
        String[] names = ClassOrder.of(clean, order).toArray(new String[0]);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < names.length; c++) {
            index.put(names[c], c);
        }
        int[] ofPoint = new int[clean.length];
        for (int i = 0; i < clean.length; i++) {
            ofPoint[i] = index.get(clean[i]);
        }
        return new Classes(names, ofPoint);
    }

    public int count() {
        return names.length;
    }

    public String name(int c) {
        return names[c];
    }

    /** Every class name run together, to choose a font that can show them all. */
    String allNames() {
        return String.join("", names);
    }

    public int points() {
        return ofPoint.length;
    }

    public int classOf(int point) {
        return ofPoint[point];
    }
}
