package org.umapanim.dataset;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.umapanim.common.FileProblem;

/** Parses CSV numbers strictly: decimal notation only, finite, within float range. */
final class Numbers {
    private static final Set<String> NON_FINITE = Set.of("nan", "inf", "infinity");

    private Numbers() {}

    /** The number in {@code s[from, to)} (spaces around it allowed), or a FileProblem naming line and column. */
    static float parse(String s, int from, int to, Path file, long line, String column) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        // Fast path: small integers, which is what pixel tables hold.
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i < to && to - i <= 9) {
            int v = 0;
            int j = i;
            while (j < to) {
                char ch = s.charAt(j);
                if (ch < '0' || ch > '9') {
                    break;
                }
                v = v * 10 + (ch - '0');
                j++;
            }
            if (j == to) {
                return negative ? -v : v;
            }
        }
        String text = s.substring(from, to);
        if (!isDecimal(text)) {
            throw new FileProblem(file, "line " + line + ", column '" + column + "': "
                    + (text.isEmpty() ? "empty value"
                            : NON_FINITE.contains(text.replaceFirst("^[-+]", "").toLowerCase(Locale.ROOT))
                                    ? text + " is not a finite number"
                                    : "'" + abbreviate(text) + "' is not a number"));
        }
        float v = (float) Double.parseDouble(text);
        if (Float.isInfinite(v)) {
            throw new FileProblem(file, "line " + line + ", column '" + column + "': " + text
                    + " is too large for a float (not a finite number)");
        }
        return v;
    }

    /** [+-] digits [. digits] [e [+-] digits], at least one mantissa digit. */
    static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
