package org.umapanim.knn;

/**
 * The distance kernels of the kNN search, over rows stored flat in one array at element offsets
 * {@code a} and {@code b}, {@code len} elements each (rows are zero-padded to a multiple of
 * {@link KernelShape#FLOAT_LANES} floats or {@link KernelShape#BYTE_BLOCK} bytes, so there are no loop tails).
 *
 * <p>They run on the Java Vector API ({@link VectorDistance}) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher, the tests and {@code bench/run} do)
 * and the CPU has 256-bit vectors, else on {@link ScalarDistance}, which gives the same bits:
 * float sums are kept in {@link KernelShape#FLOAT_LANES} lanes of fused multiply-adds and the lanes added
 * in one fixed order, and byte sums are exact integers. So a seed gives the same neighbours
 * however the program is started. Measured on Fashion-MNIST rows (784 pixels), the vector byte
 * kernel is 5× faster than the sparse integer loop it replaced and 7× faster than a scalar
 * float loop; the scalar fallback makes the whole kNN about 5× slower.
 */
final class Distance {
    /** Whether the Vector API kernels are in use. */
    static final boolean VECTOR = vectorApiUsable();

    private Distance() {}

    /** Σ (x[a+c] − x[b+c])². */
    static float squared(float[] x, int a, int b, int len) {
        return VECTOR ? VectorDistance.squared(x, a, b, len) : ScalarDistance.squared(x, a, b, len);
    }

    /** Σ |x[a+c] − x[b+c]|. */
    static float manhattan(float[] x, int a, int b, int len) {
        return VECTOR ? VectorDistance.manhattan(x, a, b, len) : ScalarDistance.manhattan(x, a, b, len);
    }

    /** Σ x[a+c] · w[c]. */
    static float dot(float[] x, int a, float[] w, int len) {
        return VECTOR ? VectorDistance.dot(x, a, w, len) : ScalarDistance.dot(x, a, w, len);
    }

    /** Σ (x[a+c] − x[b+c])² over signed bytes, exactly. */
    static int squared(byte[] x, int a, int b, int len) {
        return VECTOR ? VectorDistance.squared(x, a, b, len) : ScalarDistance.squared(x, a, b, len);
    }

    /** Σ |x[a+c] − x[b+c]| over signed bytes, exactly. */
    static int manhattan(byte[] x, int a, int b, int len) {
        return VECTOR ? VectorDistance.manhattan(x, a, b, len) : ScalarDistance.manhattan(x, a, b, len);
    }

    /** Σ x[a+c] · w[c] over signed bytes and small integer weights, exactly. */
    static int dot(byte[] x, int a, int[] w, int len) {
        return VECTOR ? VectorDistance.dot(x, a, w, len) : ScalarDistance.dot(x, a, w, len);
    }

    /**
     * Squared distances of an 8 × 16 tile by |a|² + |b|² − 2 a·b: rows r < 8 are
     * {@code a[at + r*len …]}, columns j < 16 are {@code bt[c*btStride + j0 + j]} for c < len
     * (transposed), norms {@code na[r]} and {@code nb[j0 + j]}. Each dot product is one chain of
     * fused multiply-adds in c order and the last step is fused too, so the vector and scalar
     * kernels agree bit for bit. Sets {@code masks[r]} bit j where the distance is below
     * {@code limit[r]}, with the distance in {@code dist[r*16 + j]} (elsewhere dist is left
     * undefined); returns the masks or-ed together.
     */
    static int distanceTile(float[] a, int at, int len, float[] bt, int btStride, int j0, float[] na, float[] nb,
                            float[] limit, float[] dist, int[] masks) {
        return VECTOR ? VectorDistance.distanceTile(a, at, len, bt, btStride, j0, na, nb, limit, dist, masks)
                : ScalarDistance.distanceTile(a, at, len, bt, btStride, j0, na, nb, limit, dist, masks);
    }

    /** Asked without touching the Vector API's classes unless its module is there. */
    private static boolean vectorApiUsable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorDistance.usable();
        } catch (LinkageError e) {
            return false;
        }
    }
}
