package org.umapanim.knn;

import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Principal component scores of a sparse matrix without densifying it: a randomized range finder
 * with power iterations (Halko, Martinsson and Tropp 2011, as scikit-learn's randomized_svd), whose
 * only contact with the data is the products A·V and Aᵀ·U. The centring is implicit:
 * (A − 1μᵀ)·V = A·V − 1(μᵀV) and (A − 1μᵀ)ᵀ·U = Aᵀ·U − μ(1ᵀU), so the matrix stays sparse.
 *
 * <p>Memory beyond the matrix is a few blocks of n × (k + 10) and d × (k + 10) doubles: for
 * 100,000 cells × 20,000 genes at 5 % density the matrix is 100 M entries (400 MB of float values,
 * 400 MB of int indices) and the blocks 100,000 × 60 × 8 B = 48 MB each, against 8 GB for the
 * dense float matrix. Every product runs on one thread in a fixed order, so the scores are the
 * same bits on any machine with the same seed. Each component's sign is fixed so that its score
 * of largest magnitude is positive (scikit-learn's svd_flip on U).
 */
public final class SparsePrincipalComponents {
    /** Extra directions sampled beyond the components wanted, as scikit-learn's randomized_svd. */
    private static final int OVERSAMPLES = 10;
    /** Power iterations: scikit-learn's choice (7) for a few components of a large matrix. */
    private static final int POWER_ITERATIONS = 7;

    private SparsePrincipalComponents() {}

    /** The data's only contact with the method: A·V and Aᵀ·U for blocks V (d × l) and U (n × l), row-major. */
    private interface Products {
        void times(double[] v, int l, double[] y);

        void transposeTimes(double[] u, int l, double[] z);
    }

    /** The first {@code k} principal component scores of the rows of {@code a}, row-major n × k. */
    public static float[] scores(CompressedMatrix a, int k, long seed) {
        return scores(new Products() {
            @Override
            public void times(double[] v, int l, double[] y) {
                SparsePrincipalComponents.times(a, v, l, y);
            }

            @Override
            public void transposeTimes(double[] u, int l, double[] z) {
                SparsePrincipalComponents.transposeTimes(a, u, l, z);
            }
        }, a.rows(), a.cols(), columnMeans(a), k, seed);
    }

    /**
     * The same for a dense row-major n × d matrix, by the same products, so the file's layout
     * (dense or sparse X) does not change the result beyond rounding.
     */
    public static float[] scores(float[] values, int n, int d, int k, long seed) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += values[i * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        return scores(new Products() {
            @Override
            public void times(double[] v, int l, double[] y) {
                java.util.Arrays.fill(y, 0, n * l, 0);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < d; c++) {
                        double x = values[i * d + c];
                        for (int j = 0; j < l; j++) {
                            y[i * l + j] += x * v[c * l + j];
                        }
                    }
                }
            }

            @Override
            public void transposeTimes(double[] u, int l, double[] z) {
                java.util.Arrays.fill(z, 0, d * l, 0);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < d; c++) {
                        double x = values[i * d + c];
                        for (int j = 0; j < l; j++) {
                            z[c * l + j] += x * u[i * l + j];
                        }
                    }
                }
            }
        }, n, d, mean, k, seed);
    }

    private static float[] scores(Products a, int n, int d, double[] mean, int k, long seed) {
        if (k < 1 || k > Math.min(n, d)) {
            throw new IllegalArgumentException("cannot take " + k + " principal components of " + n + " × " + d);
        }
        int l = Math.min(k + OVERSAMPLES, Math.min(n, d));
        // Ω: d × l, uniform in [-1, 1), each entry from its own stream of the seed
        double[] z = new double[d * l];
        for (int i = 0; i < z.length; i++) {
            z[i] = (Rng.mix(Rng.streamState(seed, i)) >>> 11) * 0x1p-52 - 1;
        }
        double[] y = new double[n * l];
        times(a, mean, n, d, z, l, y);
        orthonormalise(y, n, l);
        for (int q = 0; q < POWER_ITERATIONS; q++) {
            transposeTimes(a, mean, n, d, y, l, z);
            orthonormalise(z, d, l);
            times(a, mean, n, d, z, l, y);
            orthonormalise(y, n, l);
        }
        // B = Qᵀ C (l × d) is Zᵀ with Z = Cᵀ Q; B Bᵀ = Zᵀ Z = W Σ² Wᵀ, and C V = Q W Σ.
        transposeTimes(a, mean, n, d, y, l, z);
        double[] gram = new double[l * l];
        for (int r = 0; r < d; r++) {
            for (int i = 0; i < l; i++) {
                double zi = z[r * l + i];
                for (int j = 0; j <= i; j++) {
                    gram[i * l + j] += zi * z[r * l + j];
                }
            }
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                gram[j * l + i] = gram[i * l + j];
            }
        }
        // its eigenvectors by LAPACK's dsyevd through Smile, on one thread, as PrincipalComponents does
        Blas.singleThreaded();
        Matrix small = new Matrix(l, l);
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                small.set(i, j, gram[i * l + j]);
            }
        }
        small.uplo(UPLO.LOWER);
        Matrix.EVD evd = small.eigen(false, true, true).sort();
        float[] out = new float[n * k];
        double[] w = new double[l];
        for (int c = 0; c < k; c++) {
            double sigma = Math.sqrt(Math.max(0, evd.wr[c]));
            for (int j = 0; j < l; j++) {
                w[j] = evd.Vr.get(j, c);
            }
            double[] score = new double[n];
            int largest = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < l; j++) {
                    s += y[i * l + j] * w[j];
                }
                score[i] = s * sigma;
                if (Math.abs(score[i]) > Math.abs(score[largest])) {
                    largest = i;
                }
            }
            double sign = score[largest] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                out[i * k + c] = (float) (sign * score[i]);
            }
        }
        return out;
    }

    static double[] columnMeans(CompressedMatrix a) {
        double[] mean = new double[a.cols()];
        int major = a.byRow() ? a.rows() : a.cols();
        for (int m = 0; m < major; m++) {
            for (long e = a.pointers()[m]; e < a.pointers()[m + 1]; e++) {
                mean[a.byRow() ? a.indices()[(int) e] : m] += a.values()[(int) e];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= a.rows();
        }
        return mean;
    }

    /** y (n × l, row-major) = (A − 1μᵀ) · v, v d × l row-major. */
    private static void times(Products a, double[] mean, int n, int d, double[] v, int l, double[] y) {
        a.times(v, l, y);
        double[] mv = new double[l];
        for (int c = 0; c < d; c++) {
            for (int j = 0; j < l; j++) {
                mv[j] += mean[c] * v[c * l + j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                y[i * l + j] -= mv[j];
            }
        }
    }

    /** z (d × l, row-major) = (A − 1μᵀ)ᵀ · u, u n × l row-major. */
    private static void transposeTimes(Products a, double[] mean, int n, int d, double[] u, int l, double[] z) {
        a.transposeTimes(u, l, z);
        double[] colSum = new double[l];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                colSum[j] += u[i * l + j];
            }
        }
        for (int c = 0; c < d; c++) {
            for (int j = 0; j < l; j++) {
                z[c * l + j] -= mean[c] * colSum[j];
            }
        }
    }

    /** y = A · v for a compressed A. */
    static void times(CompressedMatrix a, double[] v, int l, double[] y) {
        int n = a.rows();
        int d = a.cols();
        java.util.Arrays.fill(y, 0, n * l, 0);
        long[] p = a.pointers();
        int[] idx = a.indices();
        float[] val = a.values();
        if (a.byRow()) {
            for (int i = 0; i < n; i++) {
                int yo = i * l;
                for (long e = p[i]; e < p[i + 1]; e++) {
                    double x = val[(int) e];
                    int vo = idx[(int) e] * l;
                    for (int j = 0; j < l; j++) {
                        y[yo + j] += x * v[vo + j];
                    }
                }
            }
        } else {
            for (int c = 0; c < d; c++) {
                int vo = c * l;
                for (long e = p[c]; e < p[c + 1]; e++) {
                    double x = val[(int) e];
                    int yo = idx[(int) e] * l;
                    for (int j = 0; j < l; j++) {
                        y[yo + j] += x * v[vo + j];
                    }
                }
            }
        }
    }

    /** z = Aᵀ · u for a compressed A. */
    static void transposeTimes(CompressedMatrix a, double[] u, int l, double[] z) {
        int n = a.rows();
        int d = a.cols();
        java.util.Arrays.fill(z, 0, d * l, 0);
        long[] p = a.pointers();
        int[] idx = a.indices();
        float[] val = a.values();
        if (a.byRow()) {
            for (int i = 0; i < n; i++) {
                int uo = i * l;
                for (long e = p[i]; e < p[i + 1]; e++) {
                    double x = val[(int) e];
                    int zo = idx[(int) e] * l;
                    for (int j = 0; j < l; j++) {
                        z[zo + j] += x * u[uo + j];
                    }
                }
            }
        } else {
            for (int c = 0; c < d; c++) {
                int zo = c * l;
                for (long e = p[c]; e < p[c + 1]; e++) {
                    double x = val[(int) e];
                    int uo = idx[(int) e] * l;
                    for (int j = 0; j < l; j++) {
                        z[zo + j] += x * u[uo + j];
                    }
                }
            }
        }
    }

    /**
     * Orthonormalises the l columns of the row-major m × l block in place: classical Gram–Schmidt
     * applied twice per column (as stable as the modified kind, and each pass reads the block row
     * by row, contiguously, where the modified kind strides down a column per dot product). A
     * column that vanishes is left zero.
     */
    static void orthonormalise(double[] b, int m, int l) {
        double[] dots = new double[l];
        for (int j = 0; j < l; j++) {
            for (int pass = 0; pass < 2 && j > 0; pass++) {
                java.util.Arrays.fill(dots, 0);
                for (int r = 0; r < m; r++) {
                    int o = r * l;
                    double x = b[o + j];
                    for (int i = 0; i < j; i++) {
                        dots[i] += b[o + i] * x;
                    }
                }
                for (int r = 0; r < m; r++) {
                    int o = r * l;
                    double s = 0;
                    for (int i = 0; i < j; i++) {
                        s += dots[i] * b[o + i];
                    }
                    b[o + j] -= s;
                }
            }
            double norm = 0;
            for (int r = 0; r < m; r++) {
                norm += b[r * l + j] * b[r * l + j];
            }
            norm = Math.sqrt(norm);
            double scale = norm > 1e-300 ? 1 / norm : 0;
            for (int r = 0; r < m; r++) {
                b[r * l + j] *= scale;
            }
        }
    }
}
