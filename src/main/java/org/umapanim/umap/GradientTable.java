package org.umapanim.umap;

/**
 * The SGD's two gradient coefficients as functions of the squared distance d², tabulated:
 * <ul>
 *   <li>attraction −2ab·d^(2(b−1)) / (1 + a·d^(2b))</li>
 *   <li>repulsion 2γb / ((0.001 + d²)(1 + a·d^(2b)))</li>
 * </ul>
 * Each negative sample depends on the position the previous one left behind, so the SGD is
 * bound by the latency of this arithmetic (a pow and a division, ~100 cycles); a table lookup
 * with linear interpolation takes a third of that. The index is the float's exponent and top
 * 7 mantissa bits (128 steps per octave, d² from 2^-40 to 2^40), so the relative error is
 * about 1e-5, far inside the SGD's own noise; outside that range the formula is evaluated.
 */
final class GradientTable {
    private static final int STEP_BITS = 7;
    private static final int SHIFT = 23 - STEP_BITS;
    private static final int LOW_EXPONENT = 127 - 40;
    private static final int HIGH_EXPONENT = 127 + 40;
    private static final int FIRST = LOW_EXPONENT << STEP_BITS;
    private static final int SIZE = ((HIGH_EXPONENT - LOW_EXPONENT) << STEP_BITS) + 1;
    private static final float FRACTION_SCALE = 1f / (1 << SHIFT);

    private final double a;
    private final double b;
    private final double gamma;
    private final float[] attraction = new float[SIZE];
    private final float[] repulsion = new float[SIZE];

    GradientTable(double a, double b, double gamma) {
        this.a = a;
        this.b = b;
        this.gamma = gamma;
        for (int i = 0; i < SIZE; i++) {
            float d2 = Float.intBitsToFloat((FIRST + i) << SHIFT);
            attraction[i] = (float) exactAttraction(d2);
            repulsion[i] = (float) exactRepulsion(d2);
        }
    }

    double exactAttraction(double d2) {
        double pw = Math.pow(d2, b);
        return -2.0 * a * b * (pw / d2) / (a * pw + 1.0);
    }

    double exactRepulsion(double d2) {
        return 2.0 * gamma * b / ((0.001 + d2) * (a * Math.pow(d2, b) + 1.0));
    }

    /** Attraction coefficient for d² > 0. */
    float attraction(float d2) {
        int bits = Float.floatToRawIntBits(d2);
        int i = (bits >>> SHIFT) - FIRST;
        if (i < 0 || i >= SIZE - 1) {
            return (float) exactAttraction(d2);
        }
        float frac = (bits & ((1 << SHIFT) - 1)) * FRACTION_SCALE;
        float lo = attraction[i];
        return lo + frac * (attraction[i + 1] - lo);
    }

    /** Repulsion coefficient for d² > 0. */
    float repulsion(float d2) {
        int bits = Float.floatToRawIntBits(d2);
        int i = (bits >>> SHIFT) - FIRST;
        if (i < 0 || i >= SIZE - 1) {
            return (float) exactRepulsion(d2);
        }
        float frac = (bits & ((1 << SHIFT) - 1)) * FRACTION_SCALE;
        float lo = repulsion[i];
        return lo + frac * (repulsion[i + 1] - lo);
    }
}
