package org.umapanim.knn;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Distance}'s kernels on the Java Vector API. Float sums use 8 lanes (256 bits) whatever
 * the CPU offers, so the rounding is the scalar code's; on this project's AVX-512 machine
 * 512-bit float vectors measured no faster (the double-pumped units and memory set the pace).
 * Byte rows are widened 16 at a time to 512-bit int vectors where the CPU has them (3× faster
 * than 8 at a time here), else 8 at a time; integer sums come out the same either way.
 */
final class VectorDistance {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED.length() >= 16
            ? IntVector.SPECIES_512 : IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = I.length() == 16 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;
    private static final VectorShuffle<Float> SWAP_1 = VectorShuffle.fromValues(F, 1, 0, 3, 2, 5, 4, 7, 6);
    private static final VectorShuffle<Float> SWAP_2 = VectorShuffle.fromValues(F, 2, 3, 0, 1, 6, 7, 4, 5);
    private static final VectorShuffle<Float> SWAP_4 = VectorShuffle.fromValues(F, 4, 5, 6, 7, 0, 1, 2, 3);

    private VectorDistance() {}

    /** True when the CPU runs 256-bit float vectors natively (else the API would emulate them, slowly). */
    static boolean usable() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256 && F.length() == KernelShape.FLOAT_LANES;
    }

    static float squared(float[] x, int a, int b, int len) {
        FloatVector acc = FloatVector.zero(F);
        for (int c = 0; c < len; c += F.length()) {
            FloatVector t = FloatVector.fromArray(F, x, a + c).sub(FloatVector.fromArray(F, x, b + c));
            acc = t.fma(t, acc);
        }
        return sumLanes(acc);
    }

    static float manhattan(float[] x, int a, int b, int len) {
        FloatVector acc = FloatVector.zero(F);
        for (int c = 0; c < len; c += F.length()) {
            acc = acc.add(FloatVector.fromArray(F, x, a + c).sub(FloatVector.fromArray(F, x, b + c)).abs());
        }
        return sumLanes(acc);
    }

    static float dot(float[] x, int a, float[] w, int len) {
        FloatVector acc = FloatVector.zero(F);
        for (int c = 0; c < len; c += F.length()) {
            acc = FloatVector.fromArray(F, x, a + c).fma(FloatVector.fromArray(F, w, c), acc);
        }
        return sumLanes(acc);
    }

    /** ((0+1)+(2+3))+((4+5)+(6+7)), as {@link ScalarDistance}: a fixed order, unlike reduceLanes. */
    private static float sumLanes(FloatVector v) {
        v = v.add(v.rearrange(SWAP_1));
        v = v.add(v.rearrange(SWAP_2));
        v = v.add(v.rearrange(SWAP_4));
        return v.lane(0);
    }

    static int squared(byte[] x, int a, int b, int len) {
        IntVector acc = IntVector.zero(I);
        for (int c = 0; c < len; c += I.length()) {
            IntVector t = widen(x, a + c).sub(widen(x, b + c));
            acc = acc.add(t.mul(t));
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    static int manhattan(byte[] x, int a, int b, int len) {
        IntVector acc = IntVector.zero(I);
        for (int c = 0; c < len; c += I.length()) {
            acc = acc.add(widen(x, a + c).sub(widen(x, b + c)).abs());
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    static int dot(byte[] x, int a, int[] w, int len) {
        IntVector acc = IntVector.zero(I);
        for (int c = 0; c < len; c += I.length()) {
            acc = acc.add(widen(x, a + c).mul(IntVector.fromArray(I, w, c)));
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private static IntVector widen(byte[] x, int at) {
        return (IntVector) ByteVector.fromArray(B, x, at).convertShape(VectorOperators.B2I, I, 0);
    }

    /**
     * {@link Distance#distanceTile}: 16 accumulators of 8 lanes, each lane one pair's chain. Eight
     * rows a tile measured 1.5 ns a pair on this project's machine, four rows 3.2 ns (fewer
     * multiply-adds per load, and too few accumulators to hide the FMA latency).
     */
    static int distanceTile(float[] a, int at, int len, float[] bt, int btStride, int j0, float[] na, float[] nb,
                            float[] limit, float[] dist, int[] masks) {
        FloatVector s00 = FloatVector.zero(F), s01 = FloatVector.zero(F), s10 = FloatVector.zero(F),
                s11 = FloatVector.zero(F), s20 = FloatVector.zero(F), s21 = FloatVector.zero(F),
                s30 = FloatVector.zero(F), s31 = FloatVector.zero(F), s40 = FloatVector.zero(F),
                s41 = FloatVector.zero(F), s50 = FloatVector.zero(F), s51 = FloatVector.zero(F),
                s60 = FloatVector.zero(F), s61 = FloatVector.zero(F), s70 = FloatVector.zero(F),
                s71 = FloatVector.zero(F);
        for (int c = 0, b = j0; c < len; c++, b += btStride) {
            FloatVector b0 = FloatVector.fromArray(F, bt, b);
            FloatVector b1 = FloatVector.fromArray(F, bt, b + 8);
            FloatVector x = FloatVector.broadcast(F, a[at + c]);
            s00 = b0.fma(x, s00);
            s01 = b1.fma(x, s01);
            x = FloatVector.broadcast(F, a[at + len + c]);
            s10 = b0.fma(x, s10);
            s11 = b1.fma(x, s11);
            x = FloatVector.broadcast(F, a[at + 2 * len + c]);
            s20 = b0.fma(x, s20);
            s21 = b1.fma(x, s21);
            x = FloatVector.broadcast(F, a[at + 3 * len + c]);
            s30 = b0.fma(x, s30);
            s31 = b1.fma(x, s31);
            x = FloatVector.broadcast(F, a[at + 4 * len + c]);
            s40 = b0.fma(x, s40);
            s41 = b1.fma(x, s41);
            x = FloatVector.broadcast(F, a[at + 5 * len + c]);
            s50 = b0.fma(x, s50);
            s51 = b1.fma(x, s51);
            x = FloatVector.broadcast(F, a[at + 6 * len + c]);
            s60 = b0.fma(x, s60);
            s61 = b1.fma(x, s61);
            x = FloatVector.broadcast(F, a[at + 7 * len + c]);
            s70 = b0.fma(x, s70);
            s71 = b1.fma(x, s71);
        }
        // the sums go through dist (a helper taking 16 vectors would not be inlined, and boxing them is slow)
        s00.intoArray(dist, 0);
        s01.intoArray(dist, 8);
        s10.intoArray(dist, 16);
        s11.intoArray(dist, 24);
        s20.intoArray(dist, 32);
        s21.intoArray(dist, 40);
        s30.intoArray(dist, 48);
        s31.intoArray(dist, 56);
        s40.intoArray(dist, 64);
        s41.intoArray(dist, 72);
        s50.intoArray(dist, 80);
        s51.intoArray(dist, 88);
        s60.intoArray(dist, 96);
        s61.intoArray(dist, 104);
        s70.intoArray(dist, 112);
        s71.intoArray(dist, 120);
        FloatVector nb0 = FloatVector.fromArray(F, nb, j0);
        FloatVector nb1 = FloatVector.fromArray(F, nb, j0 + 8);
        int any = 0;
        for (int r = 0; r < KernelShape.TILE_ROWS; r++) {
            FloatVector d0 = FloatVector.fromArray(F, dist, 16 * r).fma(MINUS_TWO, nb0.add(na[r]));
            FloatVector d1 = FloatVector.fromArray(F, dist, 16 * r + 8).fma(MINUS_TWO, nb1.add(na[r]));
            d0.intoArray(dist, 16 * r);
            d1.intoArray(dist, 16 * r + 8);
            VectorMask<Float> m0 = d0.lt(limit[r]);
            VectorMask<Float> m1 = d1.lt(limit[r]);
            // toLong is no intrinsic in Java 17: ask it only in the rare tile with a hit
            int mask = m0.or(m1).anyTrue() ? (int) (m0.toLong() | m1.toLong() << 8) : 0;
            masks[r] = mask;
            any |= mask;
        }
        return any;
    }

    private static final FloatVector MINUS_TWO = FloatVector.broadcast(F, -2f);
}
