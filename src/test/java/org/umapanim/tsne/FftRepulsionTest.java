package org.umapanim.tsne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.umap.Workers;

/**
 * The interpolated gradient against the exact O(n²) one on 2,000 digits, at layouts a run
 * passes through: inside early exaggeration (small, dense), at its end, and after the run
 * (the layout ~100× larger, so the grid has more intervals).
 */
class FftRepulsionTest {

    @Test
    void gradientMatchesTheExactSumWithinOnePerMille() {
        Affinities p = DigitsAffinities.affinities();
        int n = p.n();
        Map<Integer, float[]> kept = new HashMap<>();
        TsneSchedule schedule = TsneSchedule.DEFAULTS;
        try (Workers w = new Workers(2)) {
            new TsneOptimizer(p, schedule, w, false).run(TsneStart.random(n, 3), (t, xy) -> {
                if (t == 50 || t == 250 || t == 300 || t == 400 || t == 500 || t == 750) {
                    kept.put(t, xy.clone());
                }
            }, null, Progress.NONE);
            for (int t : new int[] {50, 250, 300, 400, 500, 750}) {
                double rho = schedule.exaggerationAt(t - 1);
                double[] exact = gradientAt(new TsneOptimizer(p, schedule, w, true), kept.get(t), rho);
                TsneOptimizer fft = new TsneOptimizer(p, schedule, w, false);
                double[] interpolated = gradientAt(fft, kept.get(t), rho);
                double error = relativeError(interpolated, exact);
                double[] y = new double[2 * n];
                for (int i = 0; i < 2 * n; i++) {
                    y[i] = kept.get(t)[i];
                }
                double[] re = new double[2 * n];
                double[] rf = new double[2 * n];
                double ze = new ExactRepulsion(n, w).forces(y, re);
                double zf = new FftRepulsion(n, w).forces(y, rf);
                System.out.printf("iteration %d: span %.2f, relative gradient error %.2e, repulsion %.2e, Z %.2e (Z/n %.1f), |g|/|rep/Z| %.3f%n", t,
                        span(kept.get(t)), error, relativeError(rf, re), Math.abs(zf - ze) / ze, ze / n, norm(exact) / (norm(re) / ze));
                assertThat(error).as("relative error at iteration %d", t).isLessThanOrEqualTo(1e-3);
            }
        }
    }

    @Test
    void zMatchesTheExactSum() {
        int n = 1500;
        float[] layout = TsneStart.random(n, 9);
        for (int i = 0; i < layout.length; i++) {
            layout[i] *= 4e5f; // spans ~ 300: a grid of 300 intervals
        }
        double[] y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            y[i] = layout[i];
        }
        try (Workers w = new Workers(2)) {
            double[] fe = new double[2 * n];
            double[] ff = new double[2 * n];
            double ze = new ExactRepulsion(n, w).forces(y, fe);
            FftRepulsion fft = new FftRepulsion(n, w);
            double zf = fft.forces(y, ff);
            assertThat(fft.intervals()).isGreaterThan(200);
            assertThat(Math.abs(zf - ze) / ze).isLessThan(1e-4);
            assertThat(relativeError(ff, fe)).isLessThan(1e-3);
        }
    }

    private static double[] gradientAt(TsneOptimizer o, float[] layout, double rho) {
        return o.gradientAt(layout, rho);
    }

    static double relativeError(double[] a, double[] exact) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - exact[i]) * (a[i] - exact[i]);
            norm += exact[i] * exact[i];
        }
        return Math.sqrt(diff / norm);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double span(float[] xy) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : xy) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }
}
