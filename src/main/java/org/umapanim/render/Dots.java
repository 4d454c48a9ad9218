package org.umapanim.render;

/**
 * The size of the points, in pixels, when none is asked for: the points together cover about a
 * tenth of the data area, which is the original's 2-pixel dots for its 10,000 digits in the
 * 640-pixel plot. Fewer points get bigger dots (150 iris rows: the 8-pixel cap, where 2 px were
 * specks), more get smaller ones down to a single pixel (from about 18,000 points at 1100×800,
 * which keeps 70,000 Fashion-MNIST points from merging into blobs).
 */
final class Dots {
    /** 10,000 points × 2×2 px over 640×640 px. */
    static final double COVER = 0.1;
    /** The largest automatic dot, as a fraction of the data area's side (8 px of 640). */
    static final double MAX_OF_SIDE = 1 / 80.0;

    private Dots() {}

    /** Dot size in pixels for {@code points} points in a data area {@code side} pixels square. */
    static double size(int points, double side) {
        double d = Math.sqrt(COVER * side * side / Math.max(1, points));
        return Math.max(1, Math.min(side * MAX_OF_SIDE, d));
    }
}
