package org.umapanim.umap;

import org.bytedeco.arpackng.global.arpack;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.umapanim.knn.Blas;

/**
 * Largest eigenpairs of a symmetric operator: ARPACK's implicitly restarted Lanczos (the
 * solver behind scipy's eigsh, called directly so the start vector can be fixed, which keeps
 * runs reproducible), or Jacobi rotations for matrices small enough to hold densely.
 */
final class SymmetricEigen {

    /** y[yOff …] = A · x[xOff …] for an n × n symmetric A. */
    @FunctionalInterface
    interface Operator {
        void apply(double[] x, int xOff, double[] y, int yOff);
    }

    /** Eigenvalues descending; vectors[j] is the unit eigenvector of values[j]. */
    record Pairs(double[] values, double[][] vectors) {}

    private static final Object ARPACK_LOCK = new Object(); // ARPACK keeps state in Fortran SAVE variables

    static {
        Blas.singleThreaded();
        org.bytedeco.javacpp.Loader.load(arpack.class);
    }

    /**
     * The {@code nev} largest eigenpairs by ARPACK (start vector all ones, as umap-learn's eigsh
     * call), or null when ARPACK fails or does not converge — callers fall back as umap-learn does.
     */
    static Pairs largestArpack(Operator op, int n, int nev, int ncv, double tol, int maxIterations) {
        if (nev >= n || ncv > n || ncv <= nev) {
            throw new IllegalArgumentException("ARPACK needs nev < ncv <= n, got nev=" + nev + " ncv=" + ncv + " n=" + n);
        }
        // Off-heap buffers: with Java arrays JavaCPP would copy the whole n × ncv basis in and
        // out of native memory on every reverse-communication call, which dominated the run time.
        synchronized (ARPACK_LOCK) {
            try (IntPointer ido = new IntPointer(1L);
                 IntPointer info = new IntPointer(1L);
                 IntPointer iparam = new IntPointer(11L);
                 IntPointer ipntr = new IntPointer(14L);
                 IntPointer select = new IntPointer((long) ncv);
                 BytePointer bmat = new BytePointer("I");
                 BytePointer which = new BytePointer("LA");
                 BytePointer howMany = new BytePointer("A");
                 DoublePointer resid = new DoublePointer((long) n);
                 DoublePointer v = new DoublePointer((long) n * ncv);
                 DoublePointer workd = new DoublePointer(3L * n);
                 DoublePointer workl = new DoublePointer((long) ncv * (ncv + 8));
                 DoublePointer d = new DoublePointer((long) nev);
                 DoublePointer z = new DoublePointer((long) n * nev)) {
                int lworkl = ncv * (ncv + 8);
                double[] ones = new double[n];
                java.util.Arrays.fill(ones, 1.0);
                resid.put(ones);
                ido.put(0);
                info.put(1); // use resid as the start vector
                iparam.put(0, 1); // exact shifts
                iparam.put(2, maxIterations);
                iparam.put(6, 1); // regular mode: A x = λ x
                double[] in = new double[n];
                double[] out = new double[n];
                while (true) {
                    arpack.dsaupd_c(ido, bmat, n, which, nev, tol, resid, ncv, v, n, iparam, ipntr, workd, workl,
                            lworkl, info);
                    int request = ido.get();
                    if (request != -1 && request != 1) {
                        break;
                    }
                    workd.position(ipntr.get(0) - 1).get(in);
                    op.apply(in, 0, out, 0);
                    workd.position(ipntr.get(1) - 1).put(out);
                    workd.position(0);
                }
                if (info.get() != 0) {
                    return null; // < 0: error; 1: no convergence within maxIterations
                }
                arpack.dseupd_c(1, howMany, select, d, z, n, 0.0, bmat, n, which, nev, tol, resid, ncv, v, n,
                        iparam, ipntr, workd, workl, lworkl, info);
                if (info.get() != 0) {
                    return null;
                }
                double[] values = new double[nev];
                d.get(values);
                Integer[] order = new Integer[nev];
                for (int j = 0; j < nev; j++) {
                    order[j] = j;
                }
                java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
                double[] sorted = new double[nev];
                double[][] vectors = new double[nev][n];
                for (int j = 0; j < nev; j++) {
                    sorted[j] = values[order[j]];
                    z.position((long) order[j] * n).get(vectors[j]);
                    z.position(0);
                }
                return new Pairs(sorted, vectors);
            }
        }
    }

    /** All eigenpairs of a dense symmetric matrix (row-major n × n) by cyclic Jacobi rotations. */
    static Pairs allDense(double[] matrix, int n) {
        double[] m = matrix.clone();
        double[] vec = new double[n * n];
        for (int i = 0; i < n; i++) {
            vec[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p * n + q] * m[p * n + q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p * n + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int r = 0; r < n; r++) {
                        double mrp = m[r * n + p];
                        double mrq = m[r * n + q];
                        m[r * n + p] = c * mrp - s * mrq;
                        m[r * n + q] = s * mrp + c * mrq;
                    }
                    for (int r = 0; r < n; r++) {
                        double mpr = m[p * n + r];
                        double mqr = m[q * n + r];
                        m[p * n + r] = c * mpr - s * mqr;
                        m[q * n + r] = s * mpr + c * mqr;
                    }
                    for (int r = 0; r < n; r++) {
                        double vrp = vec[r * n + p];
                        double vrq = vec[r * n + q];
                        vec[r * n + p] = c * vrp - s * vrq;
                        vec[r * n + q] = s * vrp + c * vrq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(m[q * n + q], m[p * n + p]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            int col = order[j];
            values[j] = m[col * n + col];
            for (int r = 0; r < n; r++) {
                vectors[j][r] = vec[r * n + col];
            }
        }
        return new Pairs(values, vectors);
    }
}
