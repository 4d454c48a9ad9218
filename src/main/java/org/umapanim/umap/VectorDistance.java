package org.umapanim.umap;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256 && F.length() == Distance.FLOAT_LANES;
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
}
