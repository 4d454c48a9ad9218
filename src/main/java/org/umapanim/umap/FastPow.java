package org.umapanim.umap;

/**
 * x^b for the SGD's gradients, 3–4x cheaper than Math.pow: log2 from the float's exponent and
 * a polynomial for the mantissa, exp2 likewise. Relative error below 2e-6, far inside the
 * noise of stochastic gradients; the result is a pure function of its inputs, so runs stay
 * reproducible.
 */
final class FastPow {
    private FastPow() {}

    /** x^b for finite x > 0. */
    static float pow(float x, float b) {
        int bits = Float.floatToRawIntBits(x);
        int e = (bits >>> 23) - 127;
        int mantissa = (bits & 0x007FFFFF) | 0x3F800000; // [1, 2)
        if (mantissa > 0x3FB504F3) { // above √2: halve, so t stays in [√½ − 1, √2 − 1)
            mantissa -= 0x00800000;
            e++;
        }
        float t = Float.intBitsToFloat(mantissa) - 1f;
        // Estrin's scheme: the pieces evaluate in parallel, so the latency (which bounds the
        // SGD's chain of dependent updates) is a third of Horner's
        float t2 = t * t;
        float t4 = t2 * t2;
        float log2 = e + t * ((1.442699511291754f + t * -0.7213661789050937f)
                + t2 * (0.48048687680040736f + t * -0.3593928006072766f)
                + t4 * ((0.2973652034904238f + t * -0.26874086554685744f) + t2 * 0.16516601053529187f));
        float y = b * log2;
        if (y < -126f) {
            return 0f;
        }
        if (y >= 128f) {
            return Float.POSITIVE_INFINITY;
        }
        int i = (int) (y + 128f) - 128; // floor, as y + 128 > 0
        float f = y - i;
        float f2 = f * f;
        float p = (0.9999997696337071f + f * 0.693156776698862f)
                + f2 * ((0.24013169187190317f + f * 0.05587655686914371f)
                + f2 * (0.008940582529139917f + f * 0.0018943794234861173f));
        return p * Float.intBitsToFloat((i + 127) << 23);
    }
}
