package org.umapanim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.bytedeco.openblas.global.openblas;

/**
 * OpenBLAS's sgemm on one thread, the limit the kNN's distance evaluations are measured against:
 * the dot products of a block of rows with another, rows × columns × d multiply-adds, as an exact
 * kNN by |a|² + |b|² − 2a·b would spend them. Prints GFLOP/s (2 flops a multiply-add) in thread
 * CPU time, and the distances per second that makes at d dimensions.
 *
 * <p>Usage: {@code SgemmBench [D [ROWS [ROUNDS]]]} (default 784 dimensions, 2,048 × 2,048 blocks, 5 rounds).
 */
public final class SgemmBench {
    public static void main(String[] args) {
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 784;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        openblas.blas_set_num_threads(1);
        SplittableRandom r = new SplittableRandom(42);
        float[] a = new float[m * d];
        float[] b = new float[m * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextInt(256);
            b[i] = r.nextInt(256);
        }
        float[] c = new float[m * m];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, m, d, 1f, a, d,
                    b, d, 0f, c, m);
            long t1 = mx.getCurrentThreadCpuTime();
            double seconds = (t1 - t0) * 1e-9;
            double madds = (double) m * m * d;
            System.out.printf("round %d: %.1f GFLOP/s, %.1f M distances/s at d = %d (one thread, CPU time)%n", round,
                    2 * madds / seconds * 1e-9, m * (double) m / seconds * 1e-6, d);
        }
    }
}
