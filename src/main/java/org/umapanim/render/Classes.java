package org.umapanim.render;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distinct classes among the points' labels, in display order, and the class of every point.
 * Labels that are all numbers sort numerically (so "10" follows "9"), anything else as text.
 * Missing labels (unlabelled data) count as one class with an empty name.
 */
public final class Classes {
    private final String[] names;
    private final int[] ofPoint;

    private Classes(String[] names, int[] ofPoint) {
        this.names = names;
        this.ofPoint = ofPoint;
    }

    public static Classes of(String[] labels) {
        String[] clean = new String[labels == null ? 0 : labels.length];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = labels[i] == null ? "" : labels[i];
        }
        // sorted once distinct: sorting a million labels parses numbers at every comparison
        TreeSet<String> distinct = new TreeSet<>(allNumeric(clean) ? NUMERIC : Comparator.naturalOrder());
        distinct.addAll(new HashSet<>(Arrays.asList(clean)));
        String[] names = distinct.toArray(new String[0]);
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

    private static final Comparator<String> NUMERIC =
            Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder());

    private static boolean allNumeric(String[] labels) {
        Map<String, Boolean> seen = new HashMap<>();
        for (String s : labels) {
            if (!seen.computeIfAbsent(s, Classes::isNumber)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
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
