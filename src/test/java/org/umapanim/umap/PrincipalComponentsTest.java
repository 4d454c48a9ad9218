package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.umapanim.knn.Blobs;
import org.umapanim.knn.MnistSample;
import org.umapanim.knn.PrincipalComponents;
import org.umapanim.knn.Workers;

/** Smile/LAPACK's principal components against Jacobi rotations of a covariance summed in plain Java. */
class PrincipalComponentsTest {

    @Test
    void scoresMatchAnIndependentEigenDecomposition() {
        Blobs b = Blobs.make(150, 4, 12, 3.0, 5);
        int k = 5;
        float[] scores;
        try (Workers workers = new Workers(2)) {
            scores = PrincipalComponents.scores(b.values(), b.n(), b.d(), k, workers);
        }
        double[][] expected = byJacobi(b.values(), b.n(), b.d(), k);
        for (int c = 0; c < k; c++) {
            double scale = 0;
            for (double v : expected[c]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < b.n(); i++) {
                assertThat((double) scores[i * k + c]).as("component " + c + ", row " + i)
                        .isCloseTo(expected[c][i], org.assertj.core.data.Offset.offset(1e-5 * scale));
            }
        }
    }

    /** 6,000 digits × 784 pixels are five blocks of rows, each summed on its own lane. */
    @Test
    void digitsGiveTheSameScoresOnOneTwoAndEightThreads() {
        MnistSample s = MnistSample.load(6000);
        int k = 10;
        float[][] scores = new float[3][];
        int[] threads = {1, 2, 8};
        for (int t = 0; t < 3; t++) {
            try (Workers workers = new Workers(threads[t])) {
                scores[t] = PrincipalComponents.scores(s.values(), s.n(), s.d(), k, workers);
            }
        }
        assertThat(scores[1]).isEqualTo(scores[0]);
        assertThat(scores[2]).isEqualTo(scores[0]);
        // principal components: uncorrelated, in decreasing variance
        double[][] columns = new double[k][s.n()];
        for (int i = 0; i < s.n(); i++) {
            for (int c = 0; c < k; c++) {
                columns[c][i] = scores[0][i * k + c];
            }
        }
        for (int c = 1; c < k; c++) {
            assertThat(variance(columns[c])).isLessThanOrEqualTo(variance(columns[c - 1]));
            assertThat(Math.abs(correlation(columns[c], columns[0]))).isLessThan(1e-4);
        }
    }

    /** Scores on the first k components: covariance in doubles, Jacobi eigenvectors, the largest loading made positive. */
    static double[][] byJacobi(float[] values, int n, int d, int k) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += values[i * d + j] / (double) n;
            }
        }
        double[] cov = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < d; c++) {
                    cov[a * d + c] += (values[i * d + a] - mean[a]) * (values[i * d + c] - mean[c]) / (n - 1);
                }
            }
        }
        SymmetricEigen.Pairs pairs = SymmetricEigen.allDense(cov, d);
        double[][] scores = new double[k][n];
        for (int c = 0; c < k; c++) {
            double[] v = pairs.vectors()[c];
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            double sign = v[largest] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += (values[i * d + j] - mean[j]) * v[j];
                }
                scores[c][i] = sign * sum;
            }
        }
        return scores;
    }

    static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
