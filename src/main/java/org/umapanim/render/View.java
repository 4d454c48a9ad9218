package org.umapanim.render;

/**
 * The square of normalised coordinates a frame's data area shows: x from {@code x0} to
 * {@code x0 + side}, y likewise. The camera chooses one per frame.
 */
public record View(double x0, double y0, double side) {
    /** A little room so points at exactly 0 or 1 are drawn whole. */
    static final double PAD = 0.004;
    /** The whole normalised square, the same for every epoch: the original's fixed camera. */
    static final View WHOLE = new View(-PAD, -PAD, 1 + 2 * PAD);

    public View {
        if (!(side > 0)) {
            throw new IllegalArgumentException("a view needs a positive side, got " + side);
        }
    }

    /** The view of side {@code side} centred on ({@code cx}, {@code cy}). */
    static View centred(double cx, double cy, double side) {
        return new View(cx - side / 2, cy - side / 2, side);
    }
}
