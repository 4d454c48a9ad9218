package org.umapanim.knn;

/**
 * Keeps values of any magnitude workable. Squares of values beyond about 1.8e19 overflow a float,
 * and umap-learn's search for each point's bandwidth (doubling from 1, at most 64 steps) cannot
 * reach distances beyond about 1e19, so such data used to give infinite distances or a
 * meaningless layout. Scaling every value by one power of two changes no bit of any relative
 * result — every rounding scales with it — so data far from 1 is brought near it that way. The
 * measures of a layout's quality compute the same distances, so they moderate their input the same.
 */
public final class Magnitude {
    /** Data whose largest magnitude lies within [2^-LIMIT, 2^LIMIT] is left as it is. */
    private static final int LIMIT = 40;

    private Magnitude() {}

    /** The largest |value| (all values finite). */
    static float max(float[] values, Workers workers) {
        int block = 1 << 16;
        float[] max = new float[Math.max(1, (values.length + block - 1) / block)];
        workers.forBlocks(values.length, block, (from, to) -> {
            float m = 0;
            for (int i = from; i < to; i++) {
                m = Math.max(m, Math.abs(values[i]));
            }
            max[from / block] = m;
        });
        float m = 0;
        for (float v : max) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The power of two that brings {@code max} into [1, 2) (0 for 0). */
    static int exponent(float max) {
        return max > 0 ? Math.getExponent(max) : 0;
    }

    /** {@code values} itself when moderate, else a copy scaled by a power of two into [1, 2). */
    public static float[] moderated(float[] values, Workers workers) {
        float max = max(values, workers);
        int e = exponent(max);
        if (max == 0 || Math.abs(e) <= LIMIT) {
            return values;
        }
        float scale = Math.scalb(1f, -e);
        float[] out = new float[values.length];
        workers.forBlocks(values.length, 1 << 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = values[i] * scale;
            }
        });
        return out;
    }
}
