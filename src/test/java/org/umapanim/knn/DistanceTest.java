package org.umapanim.knn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceTest {

    @Test
    void theTestsRunTheVectorKernels() {
        // surefire passes --add-modules jdk.incubator.vector, as the launcher and bench/run do
        assertThat(Distance.VECTOR).isTrue();
    }

    @Test
    void vectorAndScalarKernelsGiveTheSameBits() {
        SplittableRandom r = new SplittableRandom(5);
        for (int len : new int[] {8, 16, 56, 784}) {
            for (int trial = 0; trial < 200; trial++) {
                float[] x = new float[2 * len];
                float[] w = new float[len];
                double scale = Math.pow(2, r.nextInt(-60, 60));
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (r.nextGaussian() * scale);
                }
                for (int i = 0; i < len; i++) {
                    w[i] = (float) r.nextGaussian();
                }
                assertThat(VectorDistance.squared(x, 0, len, len)).isEqualTo(ScalarDistance.squared(x, 0, len, len));
                assertThat(VectorDistance.manhattan(x, 0, len, len)).isEqualTo(ScalarDistance.manhattan(x, 0, len, len));
                assertThat(VectorDistance.dot(x, len, w, len)).isEqualTo(ScalarDistance.dot(x, len, w, len));
            }
        }
        for (int len : new int[] {16, 784}) {
            byte[] x = new byte[2 * len];
            int[] w = new int[len];
            for (int trial = 0; trial < 200; trial++) {
                r.nextBytes(x);
                for (int i = 0; i < len; i++) {
                    w[i] = r.nextInt(-255, 256);
                }
                assertThat(VectorDistance.squared(x, 0, len, len)).isEqualTo(ScalarDistance.squared(x, 0, len, len));
                assertThat(VectorDistance.manhattan(x, 0, len, len)).isEqualTo(ScalarDistance.manhattan(x, 0, len, len));
                assertThat(VectorDistance.dot(x, len, w, len)).isEqualTo(ScalarDistance.dot(x, len, w, len));
            }
        }
    }

    @Test
    void vectorAndScalarTilesGiveTheSameBits() {
        SplittableRandom r = new SplittableRandom(9);
        int rows = KernelShape.TILE_ROWS;
        int cols = 2 * KernelShape.TILE_COLUMNS;
        for (int len : new int[] {8, 56}) {
            float[] a = new float[rows * len];
            float[] bt = new float[len * cols];
            float[] na = new float[rows];
            float[] nb = new float[cols];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < bt.length; i++) {
                bt[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < rows; i++) {
                na[i] = (float) (len + r.nextGaussian());
            }
            for (int i = 0; i < cols; i++) {
                nb[i] = (float) (len + r.nextGaussian());
            }
            float[] limit = new float[rows];
            for (int i = 0; i < rows; i++) {
                limit[i] = (float) (2 * len + r.nextGaussian() * len / 3);
            }
            float[] dv = new float[rows * KernelShape.TILE_COLUMNS];
            float[] ds = new float[rows * KernelShape.TILE_COLUMNS];
            int[] mv = new int[rows];
            int[] ms = new int[rows];
            int anyV = VectorDistance.distanceTile(a, 0, len, bt, cols, KernelShape.TILE_COLUMNS, na, nb, limit, dv, mv);
            int anyS = ScalarDistance.distanceTile(a, 0, len, bt, cols, KernelShape.TILE_COLUMNS, na, nb, limit, ds, ms);
            assertThat(anyV).isEqualTo(anyS).isNotZero();
            assertThat(mv).isEqualTo(ms);
            for (int t = 0; t < rows; t++) {
                for (int mask = ms[t]; mask != 0; mask &= mask - 1) {
                    int j = Integer.numberOfTrailingZeros(mask);
                    assertThat(dv[t * KernelShape.TILE_COLUMNS + j]).isEqualTo(ds[t * KernelShape.TILE_COLUMNS + j]);
                }
            }
        }
    }

    @Test
    void byteKernelsAreExact() {
        byte[] x = new byte[32];
        java.util.Arrays.fill(x, 0, 16, (byte) 127);
        java.util.Arrays.fill(x, 16, 32, (byte) -128);
        assertThat(Distance.squared(x, 0, 16, 16)).isEqualTo(16 * 255 * 255);
        assertThat(Distance.manhattan(x, 0, 16, 16)).isEqualTo(16 * 255);
    }
}
