package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurveFitTest {

    @Test
    void defaultsGiveUmapLearnsAandB() {
        double[] ab = CurveFit.fitAB(1.0, 0.1);
        // umap.umap_.find_ab_params(1.0, 0.1) = (1.5769434603113077, 0.8950608779109733)
        assertThat(ab[0]).isCloseTo(1.5769, within(5e-4));
        assertThat(ab[1]).isCloseTo(0.8951, within(5e-4));
    }

    @Test
    void fittedCurveFollowsTheTargetForOtherSettings() {
        double spread = 2.0;
        double minDist = 0.5;
        double[] ab = CurveFit.fitAB(spread, minDist);
        double worst = 0;
        for (int i = 0; i < 300; i++) {
            double x = spread * 3.0 * i / 299;
            double target = x < minDist ? 1.0 : Math.exp(-(x - minDist) / spread);
            double fitted = 1 / (1 + ab[0] * Math.pow(x, 2 * ab[1]));
            worst = Math.max(worst, Math.abs(target - fitted));
        }
        assertThat(worst).isLessThan(0.1);
        // the target depends on x/spread only, so doubling both distances keeps b and scales a by 2^-2b
        double[] half = CurveFit.fitAB(1.0, 0.25);
        assertThat(ab[1]).isCloseTo(half[1], within(1e-4));
        assertThat(ab[0]).isCloseTo(half[0] / Math.pow(2, 2 * half[1]), within(1e-4));
        // and a larger min_dist makes the curve steeper than the default's
        assertThat(half[1]).isGreaterThan(0.8951);
    }
}
