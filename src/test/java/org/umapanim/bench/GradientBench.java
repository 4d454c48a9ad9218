package org.umapanim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The bare 2-D gradient of UMAP's SGD on one thread, the limit the SGD is measured against: n
 * points in a float array, each pulled by 15 edges and pushed from 5 random points per edge,
 * each step from where the last left it (the SGD's serial dependence), gradients clipped, no
 * schedule, no bookkeeping. Two codings of the coefficients: umap-learn's arithmetic with
 * {@code pow} and a division, and a table of d² (as the engine's GradientTable: exponent and 7
 * mantissa bits, linear interpolation). Prints ns per positive and per negative sample, in
 * thread CPU time.
 *
 * <p>Usage: {@code GradientBench [N [ROUNDS]]} (default 10,000 points, 5 rounds).
 */
public final class GradientBench {
    private static final double A = 1.577;
    private static final double B = 0.895;
    private static final int K = 15;
    private static final int NEG = 5;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SplittableRandom r = new SplittableRandom(42);
        float[] y = new float[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (r.nextDouble() * 10);
        }
        int[] tail = new int[n * K];
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < K; e++) {
                tail[i * K + e] = (i + 1 + r.nextInt(50)) % n; // nearby rows, as after a good renumbering
            }
        }
        Table t = new Table();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int mode = 0; mode < 3; mode++) {
                boolean table = mode > 0;
                boolean batched = mode == 2;
                long t0 = mx.getCurrentThreadCpuTime();
                sink += sweep(y.clone(), tail, n, 0, table, batched, t, round);
                long t1 = mx.getCurrentThreadCpuTime();
                sink += sweep(y.clone(), tail, n, NEG, table, batched, t, round);
                long t2 = mx.getCurrentThreadCpuTime();
                double pos = (double) (t1 - t0) / ((long) n * K);
                double neg = ((double) (t2 - t1) - (t1 - t0)) / ((long) n * K * NEG);
                System.out.printf("round %d, %s: %.1f ns per positive sample, %.1f ns per negative sample%n",
                        round, batched ? "table, negatives from one position" : table ? "table" : "pow", pos, neg);
            }
        }
        System.out.println(sink == 42 ? "" : "(checksum " + (float) sink + ")");
    }

    private static double sweep(float[] y, int[] tail, int n, int neg, boolean table, boolean batched, Table t, long seed) {
        long random = seed * 0x9E3779B97F4A7C15L;
        float alpha = 0.5f;
        for (int j = 0; j < n; j++) {
            float xj = y[2 * j];
            float yj = y[2 * j + 1];
            for (int e = j * K; e < (j + 1) * K; e++) {
                int k = tail[e];
                float dx = xj - y[2 * k];
                float dy = yj - y[2 * k + 1];
                float d2 = dx * dx + dy * dy;
                float c = d2 > 0f ? (table ? t.attraction(d2) : (float) attraction(d2)) : 0f;
                float gx = clip(c * dx) * alpha;
                float gy = clip(c * dy) * alpha;
                xj += gx;
                yj += gy;
                y[2 * k] -= gx;
                y[2 * k + 1] -= gy;
                if (batched) {
                    float sx = 0f;
                    float sy = 0f;
                    for (int s = 0; s < neg; s++) {
                        random += 0x9E3779B97F4A7C15L;
                        int o = (int) (((mix(random) >>> 32) * n) >>> 32);
                        float ndx = xj - y[2 * o];
                        float ndy = yj - y[2 * o + 1];
                        float nd2 = ndx * ndx + ndy * ndy;
                        if (nd2 > 0f) {
                            float rc = t.repulsion(nd2);
                            sx += clip(rc * ndx);
                            sy += clip(rc * ndy);
                        }
                    }
                    xj += sx * alpha;
                    yj += sy * alpha;
                    continue;
                }
                for (int s = 0; s < neg; s++) {
                    random += 0x9E3779B97F4A7C15L;
                    int o = (int) (((mix(random) >>> 32) * n) >>> 32);
                    float ndx = xj - y[2 * o];
                    float ndy = yj - y[2 * o + 1];
                    float nd2 = ndx * ndx + ndy * ndy;
                    if (nd2 > 0f) {
                        float rc = table ? t.repulsion(nd2) : (float) repulsion(nd2);
                        xj += clip(rc * ndx) * alpha;
                        yj += clip(rc * ndy) * alpha;
                    }
                }
            }
            y[2 * j] = xj;
            y[2 * j + 1] = yj;
        }
        double s = 0;
        for (float v : y) {
            s += v;
        }
        return s;
    }

    static double attraction(double d2) {
        double pw = Math.pow(d2, B);
        return -2.0 * A * B * (pw / d2) / (A * pw + 1.0);
    }

    static double repulsion(double d2) {
        return 2.0 * B / ((0.001 + d2) * (A * Math.pow(d2, B) + 1.0));
    }

    private static float clip(float v) {
        return v > 4f ? 4f : (v < -4f ? -4f : v);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The engine's table coding, copied: index from the float's exponent and top 7 mantissa bits. */
    private static final class Table {
        static final int SHIFT = 16;
        static final int FIRST = (127 - 40) << 7;
        static final int SIZE = (80 << 7) + 1;
        final float[] att = new float[SIZE];
        final float[] rep = new float[SIZE];

        Table() {
            for (int i = 0; i < SIZE; i++) {
                float d2 = Float.intBitsToFloat((FIRST + i) << SHIFT);
                att[i] = (float) GradientBench.attraction(d2);
                rep[i] = (float) GradientBench.repulsion(d2);
            }
        }

        float attraction(float d2) {
            int bits = Float.floatToRawIntBits(d2);
            int i = (bits >>> SHIFT) - FIRST;
            if (i < 0 || i >= SIZE - 1) {
                return (float) GradientBench.attraction(d2);
            }
            float f = (bits & 0xFFFF) * (1f / 65536);
            return att[i] + f * (att[i + 1] - att[i]);
        }

        float repulsion(float d2) {
            int bits = Float.floatToRawIntBits(d2);
            int i = (bits >>> SHIFT) - FIRST;
            if (i < 0 || i >= SIZE - 1) {
                return (float) GradientBench.repulsion(d2);
            }
            float f = (bits & 0xFFFF) * (1f / 65536);
            return rep[i] + f * (rep[i + 1] - rep[i]);
        }
    }
}
