package org.umapanim.umap;

/** Squared Euclidean distance between rows of a row-major float matrix. */
final class Distance {
    private Distance() {}

    /** |x_a - x_b|² for rows a and b of width d. Four accumulators let the CPU overlap the adds. */
    static float squared(float[] x, int a, int b, int d) {
        int pa = a * d;
        int pb = b * d;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            float d0 = x[pa + i] - x[pb + i];
            float d1 = x[pa + i + 1] - x[pb + i + 1];
            float d2 = x[pa + i + 2] - x[pb + i + 2];
            float d3 = x[pa + i + 3] - x[pb + i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < d; i++) {
            float d0 = x[pa + i] - x[pb + i];
            s0 += d0 * d0;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
