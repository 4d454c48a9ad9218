package org.umapanim.umap;

import java.nio.charset.StandardCharsets;
import org.bytedeco.arpackng.global.arpack;

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

    private static final byte[] STANDARD = bytes("I");
    private static final byte[] LARGEST_ALGEBRAIC = bytes("LA");
    private static final byte[] ALL = bytes("A");
    private static final Object ARPACK_LOCK = new Object(); // ARPACK keeps state in Fortran SAVE variables

    private SymmetricEigen() {}

    /**
     * The {@code nev} largest eigenpairs by ARPACK (start vector all ones, as umap-learn's eigsh
     * call), or null when ARPACK fails or does not converge — callers fall back as umap-learn does.
     */
    static Pairs largestArpack(Operator op, int n, int nev, int ncv, double tol, int maxIterations) {
        if (nev >= n || ncv > n || ncv <= nev) {
            throw new IllegalArgumentException("ARPACK needs nev < ncv <= n, got nev=" + nev + " ncv=" + ncv + " n=" + n);
        }
        synchronized (ARPACK_LOCK) {
            int[] ido = {0};
            int[] info = {1};
            double[] resid = new double[n];
            java.util.Arrays.fill(resid, 1.0);
            double[] v = new double[n * ncv];
            int[] iparam = new int[11];
            iparam[0] = 1; // exact shifts
            iparam[2] = maxIterations;
            iparam[6] = 1; // regular mode: A x = λ x
            int[] ipntr = new int[14];
            double[] workd = new double[3 * n];
            int lworkl = ncv * (ncv + 8);
            double[] workl = new double[lworkl];
            while (true) {
                arpack.dsaupd_c(ido, STANDARD, n, LARGEST_ALGEBRAIC, nev, tol, resid, ncv, v, n, iparam, ipntr,
                        workd, workl, lworkl, info);
                if (ido[0] == -1 || ido[0] == 1) {
                    op.apply(workd, ipntr[0] - 1, workd, ipntr[1] - 1);
                } else {
                    break;
                }
            }
            if (info[0] != 0) {
                return null; // < 0: error; 1: no convergence within maxIterations
            }
            int[] select = new int[ncv];
            double[] d = new double[nev];
            double[] z = new double[n * nev];
            arpack.dseupd_c(1, ALL, select, d, z, n, 0.0, STANDARD, n, LARGEST_ALGEBRAIC, nev, tol, resid, ncv, v, n,
                    iparam, ipntr, workd, workl, lworkl, info);
            if (info[0] != 0) {
                return null;
            }
            Integer[] order = new Integer[nev];
            for (int j = 0; j < nev; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(d[q], d[p]));
            double[] values = new double[nev];
            double[][] vectors = new double[nev][];
            for (int j = 0; j < nev; j++) {
                values[j] = d[order[j]];
                vectors[j] = java.util.Arrays.copyOfRange(z, order[j] * n, order[j] * n + n);
            }
            return new Pairs(values, vectors);
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

    private static byte[] bytes(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
