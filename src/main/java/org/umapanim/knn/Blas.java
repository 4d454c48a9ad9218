package org.umapanim.knn;

/**
 * OpenBLAS, which Smile's matrices and ARPACK call, kept on one thread. Its rounding depends on
 * its thread count, so one thread keeps the results reproducible; and our callers parallelise
 * over blocks themselves (the BLAS calls ARPACK makes are small: OpenBLAS's spinning worker
 * threads made them 5x costlier in CPU time).
 */
public final class Blas {
    static {
        org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(1);
    }

    private Blas() {}

    /** Loads OpenBLAS on one thread, once; later calls do nothing. */
    public static void singleThreaded() {
        // the static initialiser does the work
    }
}
