package org.umapanim.tsne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.knn.Workers;

/**
 * The interpolated gradient against the exact O(n²) one on 2,000 digits, at layouts a run
 * passes through: inside early exaggeration (iteration 50, span 0.01), at its end (250, span
 * 1.7), as the layout expands (300, span 51) and at the end (750, span 109).
 *
 * <p>Measured with openTSNE's grid (3 nodes per interval, intervals of width ≤ 1, at least 50):
 * while the layout spans less than 50 the intervals are narrow and the full gradient's relative
 * error is 4e-15 and 1.6e-4; once it is wider, intervals of width 1 leave the near field's
 * interpolation a few per cent off: the repulsion's error is 3.2e-2 and 4.1e-2, Z's 4e-3 and
 * 9e-3, and since attraction and repulsion nearly cancel there, the full gradient's error is
 * 0.34 and 0.9. That is the reference implementations' accuracy, not a fault of this one: a
 * finer grid (4 nodes, 2 intervals per unit) brings the repulsion to 4.1e-4 and 6.4e-4.
 */
class FftRepulsionTest {

    @Test
    void gradientMatchesTheExactSum() {
        Affinities p = DigitsAffinities.affinities();
        int n = p.n();
        Map<Integer, float[]> kept = new HashMap<>();
        TsneSchedule schedule = TsneSchedule.DEFAULTS;
        try (Workers w = new Workers(2)) {
            new TsneOptimizer(p, schedule, w, false).run(TsneStart.random(n, 3), (t, xy) -> {
                if (t == 50 || t == 250 || t == 300 || t == 750) {
                    kept.put(t, xy.clone());
                }
            }, null, Progress.NONE);
            for (int t : new int[] {50, 250}) {
                double rho = schedule.exaggerationAt(t - 1);
                double[] exact = new TsneOptimizer(p, schedule, w, true).gradientAt(kept.get(t), rho);
                double[] interpolated = new TsneOptimizer(p, schedule, w, false).gradientAt(kept.get(t), rho);
                assertThat(relativeError(interpolated, exact)).as("gradient's relative error at iteration %d", t)
                        .isLessThanOrEqualTo(1e-3);
            }
            for (int t : new int[] {300, 750}) {
                double[] y = doubles(kept.get(t));
                double[] exact = new double[2 * n];
                double z = new ExactRepulsion(n, w).forces(y, exact);
                double[] coarse = new double[2 * n];
                double zCoarse = new FftRepulsion(n, w).forces(y, coarse);
                double[] fine = new double[2 * n];
                new FftRepulsion(n, w, 4, 2).forces(y, fine);
                assertThat(relativeError(coarse, exact)).as("repulsion's error at %d, openTSNE's grid", t).isLessThanOrEqualTo(6e-2);
                assertThat(Math.abs(zCoarse - z) / z).as("Z's error at %d, openTSNE's grid", t).isLessThanOrEqualTo(2e-2);
                assertThat(relativeError(fine, exact)).as("repulsion's error at %d, finer grid", t).isLessThanOrEqualTo(1e-3);
            }
        }
    }

    @Test
    void gridHasAtLeastFiftyIntervalsOfWidthAtMostOneAndFastFftLengths() {
        assertThat(FftRepulsion.intervalsFor(0.01)).isEqualTo(50);
        assertThat(FftRepulsion.intervalsFor(51.5)).isEqualTo(54);
        assertThat(FftRepulsion.intervalsFor(97)).isEqualTo(100);
        assertThat(FftRepulsion.intervalsFor(5000)).isEqualTo(1000);
    }

    private static double[] doubles(float[] xy) {
        double[] y = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            y[i] = xy[i];
        }
        return y;
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
}
