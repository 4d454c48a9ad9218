package org.umapanim.knn;

import smile.math.blas.Transpose;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Principal component scores of row-major data, with Smile's linear algebra: the covariance
 * matrix by OpenBLAS's dgemm over blocks of centred rows, its eigenvectors by LAPACK's dsyevd
 * (Smile's {@code Matrix.eigen}), the scores by dgemm again. That is what Smile's
 * {@code PCA.fit} does for data with fewer rows than columns; for the usual tall data it takes
 * a thin SVD of the whole centred matrix instead, which copies it twice as doubles and took
 * 47 s on 10,000 × 784 where this took 4 s (same run, loaded machine).
 *
 * <p>Reproducible whatever the thread count: OpenBLAS runs on one thread (its rounding depends
 * on its thread count), the blocks are summed in a fixed order and our workers only decide
 * which thread computes which block. Each component's sign is fixed so that its largest
 * loading is positive.
 */
public final class PrincipalComponents {
    /** Blocks of about 8 MB of doubles. */
    private static final int BLOCK_VALUES = 1 << 20;
    /**
     * Partial covariance matrices summed in parallel: at most 8, and at most 256 MB of them
     * (a 784-column covariance is 4.9 MB, a 4,096-column one 134 MB); their number depends on
     * the data's shape alone, so the sum does not depend on the threads.
     */
    private static final int LANES = 8;
    private static final long LANE_BYTES = 256L << 20;

    private PrincipalComponents() {}

    /**
     * The scores of the n rows on their first {@code components} principal components,
     * row-major n × components.
     */
    public static float[] scores(float[] values, int n, int d, int components, Workers workers) {
        if (components < 1 || components > d) {
            throw new IllegalArgumentException("cannot take " + components + " principal components of " + d + " columns");
        }
        Blas.singleThreaded();
        double[] mean = columnMeans(values, n, d);
        int blockRows = Math.max(1, BLOCK_VALUES / d);
        int blocks = (n + blockRows - 1) / blockRows;
        Matrix covariance = covariance(values, n, d, mean, blockRows, blocks, workers);
        covariance.uplo(UPLO.LOWER);
        Matrix.EVD evd = covariance.eigen(false, true, true).sort();
        Matrix loadings = new Matrix(d, components);
        for (int c = 0; c < components; c++) {
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(evd.Vr.get(j, c)) > Math.abs(evd.Vr.get(largest, c))) {
                    largest = j;
                }
            }
            double sign = evd.Vr.get(largest, c) < 0 ? -1 : 1;
            for (int j = 0; j < d; j++) {
                loadings.set(j, c, sign * evd.Vr.get(j, c));
            }
        }
        float[] out = new float[n * components];
        workers.forBlocks(blocks, 1, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int r0 = b * blockRows;
                int rows = Math.min(n, r0 + blockRows) - r0;
                // scores of the block, column-major components × rows: exactly the row-major n × components layout
                Matrix scores = new Matrix(components, rows);
                scores.mm(Transpose.TRANSPOSE, loadings, Transpose.NO_TRANSPOSE, centred(values, d, mean, r0, rows));
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < components; c++) {
                        out[(r0 + i) * components + c] = (float) scores.get(c, i);
                    }
                }
            }
        });
        return out;
    }

    private static double[] columnMeans(float[] values, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += values[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /** Σ_i (x_i − μ)(x_i − μ)ᵀ / (n − 1): lane l of L sums blocks l, l + L, …; the lanes are added in order. */
    private static Matrix covariance(float[] values, int n, int d, double[] mean, int blockRows, int blocks,
                                     Workers workers) {
        int lanes = (int) Math.max(1, Math.min(Math.min(LANES, blocks), LANE_BYTES / (8L * d * d)));
        Matrix[] partial = new Matrix[lanes];
        workers.forBlocks(lanes, 1, (l0, l1) -> {
            for (int l = l0; l < l1; l++) {
                Matrix sum = new Matrix(d, d);
                for (int b = l; b < blocks; b += lanes) {
                    int r0 = b * blockRows;
                    Matrix x = centred(values, d, mean, r0, Math.min(n, r0 + blockRows) - r0);
                    sum.mm(Transpose.NO_TRANSPOSE, x, Transpose.TRANSPOSE, x, 1.0, 1.0);
                }
                partial[l] = sum;
            }
        });
        Matrix total = partial[0];
        for (int l = 1; l < lanes; l++) {
            total.add(partial[l]);
        }
        total.mul(1.0 / Math.max(1, n - 1));
        return total;
    }

    /** Rows r0 … r0 + rows − 1, centred, as a column-major d × rows matrix (one row per column: a plain copy). */
    private static Matrix centred(float[] values, int d, double[] mean, int r0, int rows) {
        double[] a = new double[rows * d];
        for (int i = 0; i < rows; i++) {
            int base = (r0 + i) * d;
            for (int j = 0; j < d; j++) {
                a[i * d + j] = values[base + j] - mean[j];
            }
        }
        return new Matrix(d, rows, d, a);
    }
}
