package org.umapanim.knn;

/**
 * {@link Distance}'s kernels in plain Java, for a JVM without the Vector API: the same bits as
 * {@link VectorDistance}, float sums in {@link KernelShape#FLOAT_LANES} lanes of fused multiply-adds
 * added in the vector code's order, byte sums in exact integers.
 */
final class ScalarDistance {
    private static final int L = KernelShape.FLOAT_LANES;

    private ScalarDistance() {}

    static float squared(float[] x, int a, int b, int len) {
        float[] acc = new float[L];
        for (int c = 0; c < len; c += L) {
            for (int l = 0; l < L; l++) {
                float t = x[a + c + l] - x[b + c + l];
                acc[l] = Math.fma(t, t, acc[l]);
            }
        }
        return sumLanes(acc);
    }

    static float manhattan(float[] x, int a, int b, int len) {
        float[] acc = new float[L];
        for (int c = 0; c < len; c += L) {
            for (int l = 0; l < L; l++) {
                acc[l] += Math.abs(x[a + c + l] - x[b + c + l]);
            }
        }
        return sumLanes(acc);
    }

    static float dot(float[] x, int a, float[] w, int len) {
        float[] acc = new float[L];
        for (int c = 0; c < len; c += L) {
            for (int l = 0; l < L; l++) {
                acc[l] = Math.fma(x[a + c + l], w[c + l], acc[l]);
            }
        }
        return sumLanes(acc);
    }

    /** ((0+1)+(2+3))+((4+5)+(6+7)). */
    private static float sumLanes(float[] l) {
        return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    }

    static int squared(byte[] x, int a, int b, int len) {
        int s = 0;
        for (int c = 0; c < len; c++) {
            int t = x[a + c] - x[b + c];
            s += t * t;
        }
        return s;
    }

    static int manhattan(byte[] x, int a, int b, int len) {
        int s = 0;
        for (int c = 0; c < len; c++) {
            s += Math.abs(x[a + c] - x[b + c]);
        }
        return s;
    }

    static int dot(byte[] x, int a, int[] w, int len) {
        int s = 0;
        for (int c = 0; c < len; c++) {
            s += x[a + c] * w[c];
        }
        return s;
    }

    static int distanceTile(float[] a, int at, int len, float[] bt, int btStride, int j0, float[] na, float[] nb,
                            float[] limit, float[] dist, int[] masks) {
        int any = 0;
        for (int r = 0; r < KernelShape.TILE_ROWS; r++) {
            int mask = 0;
            for (int j = 0; j < KernelShape.TILE_COLUMNS; j++) {
                float acc = 0;
                for (int c = 0; c < len; c++) {
                    acc = Math.fma(bt[c * btStride + j0 + j], a[at + r * len + c], acc);
                }
                float d = Math.fma(acc, -2f, nb[j0 + j] + na[r]);
                dist[r * KernelShape.TILE_COLUMNS + j] = d;
                if (d < limit[r]) {
                    mask |= 1 << j;
                }
            }
            masks[r] = mask;
            any |= mask;
        }
        return any;
    }
}
