package org.umapanim.umap;

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
    void byteKernelsAreExact() {
        byte[] x = new byte[32];
        java.util.Arrays.fill(x, 0, 16, (byte) 127);
        java.util.Arrays.fill(x, 16, 32, (byte) -128);
        assertThat(Distance.squared(x, 0, 16, 16)).isEqualTo(16 * 255 * 255);
        assertThat(Distance.manhattan(x, 0, 16, 16)).isEqualTo(16 * 255);
    }
}
