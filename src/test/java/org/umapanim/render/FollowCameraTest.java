package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowCameraTest {
    /** A layout that starts small, bursts out to four times its size and settles to twice it, off centre. */
    private static double[][] boxes(int last) {
        double[][] b = new double[last + 1][];
        for (int e = 0; e <= last; e++) {
            double size = e == 0 ? 0.1 : e < 5 ? 0.1 + 0.075 * e : 0.4 - 0.2 * Math.min(1, (e - 5) / 20.0);
            double cx = 0.4 + 0.002 * e;
            b[e] = new double[] {cx - size / 2, 0.5 - size / 4, cx + size / 2, 0.5 + size / 4};
        }
        return b;
    }

    @Test
    void theViewAlwaysHoldsTheLayoutZoomsAtMostTwoPercentAFrameAndEndsFillingIt() {
        int last = 40;
        Timing timing = new Timing(Pace.EPOCHS, 4.0, 1, 30);
        int[] keys = timing.keyEpochs(last);
        double[][] boxes = boxes(last);
        Timeline timeline = Timeline.plan(timing, last, keys, null);
        View[] views = FollowCamera.views(timeline, keys, boxes, 30);
        assertThat(views).hasSize(120);
        for (int f = 0; f < views.length; f++) {
            View v = views[f];
            double e = timeline.epoch(f);
            int i = Math.min(last - 1, (int) e);
            double a = e - i;
            for (int c = 0; c < 4; c++) {
                double edge = (1 - a) * boxes[i][c] + a * boxes[i + 1][c];
                double lo = c % 2 == 0 ? v.x0() : v.y0();
                assertThat(edge).as("frame %d, edge %d inside the view", f, c).isBetween(lo - 1e-9, lo + v.side() + 1e-9);
            }
            if (f > 0) {
                assertThat(v.side() / views[f - 1].side()).as("zoom at frame %d", f)
                        .isBetween(1 / (1 + FollowCamera.MAX_ZOOM_STEP) - 1e-9, 1 + FollowCamera.MAX_ZOOM_STEP + 1e-9);
            }
        }
        double[] end = boxes[last];
        assertThat((end[2] - end[0]) / views[views.length - 1].side()).as("final fill").isGreaterThan(0.9);
    }

    @Test
    void limitRateRaisesAheadOfAPeakAndAfterIt() {
        double[] out = FollowCamera.limitRate(new double[] {0, 0, 0, 1, 0, 0}, 0.25);
        assertThat(out).containsExactly(0.25, 0.5, 0.75, 1, 0.75, 0.5);
    }
}
