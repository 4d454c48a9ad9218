package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class TimelineTest {
    private static double[] epochs(Timeline t) {
        double[] e = new double[t.frames()];
        for (int f = 0; f < e.length; f++) {
            e[f] = t.epoch(f);
        }
        return e;
    }

    @Test
    void epochsPacingWithoutADurationIsOneFramePerDrawnEpoch() {
        Timing t = new Timing(Pace.EPOCHS, null, 1, 30);
        assertThat(t.frames(200)).isEqualTo(201);
        assertThat(epochs(Timeline.plan(t, 200, t.keyEpochs(200), null))).containsExactly(
                java.util.stream.IntStream.rangeClosed(0, 200).asDoubleStream().toArray());
    }

    @Test
    void everyNthEpochAlwaysEndsOnTheLast() {
        Timing t = new Timing(Pace.EPOCHS, null, 30, 30);
        assertThat(t.keyEpochs(200)).containsExactly(0, 30, 60, 90, 120, 150, 180, 200);
        assertThat(t.keyEpochs(180)).containsExactly(0, 30, 60, 90, 120, 150, 180);
        assertThat(epochs(Timeline.plan(t, 200, t.keyEpochs(200), null))).containsExactly(0, 30, 60, 90, 120, 150, 180, 200);
        assertThat(new Timing(Pace.EPOCHS, null, 5, 30).keyEpochs(0)).containsExactly(0);
    }

    @Test
    void aDurationSpreadsTheDrawnEpochsEvenlyWithFramesBetweenThem() {
        // 2 s at 10 fps = 20 frames over epochs 0, 4, 8 (every 4th of 8): 19 intervals, 10 + 9
        Timing t = new Timing(Pace.EPOCHS, 2.0, 4, 10);
        double[] e = epochs(Timeline.plan(t, 8, t.keyEpochs(8), null));
        assertThat(e).hasSize(20);
        assertThat(e[0]).isZero();
        assertThat(e[10]).isEqualTo(4);
        assertThat(e[19]).isEqualTo(8);
        for (int f = 1; f < 10; f++) {
            assertThat(e[f] - e[f - 1]).as("step %d", f).isCloseTo(0.4, offset(1e-9));
        }
        for (int f = 11; f < e.length; f++) {
            assertThat(e[f] - e[f - 1]).as("step %d", f).isCloseTo(4.0 / 9, offset(1e-9));
        }
    }

    @Test
    void aDurationTooShortForOneFramePerDrawnEpochIsStretchedToThat() {
        // 1 s at 30 fps is 30 frames, but 201 epochs need 201 of their own
        for (Pace pace : Pace.values()) {
            Timing t = new Timing(pace, 1.0, 1, 30);
            assertThat(t.frames(200)).isEqualTo(201);
            double[] motion = new double[200];
            java.util.Arrays.setAll(motion, i -> 1.0 / (i + 1));
            assertThat(epochs(Timeline.plan(t, 200, t.keyEpochs(200), motion))).containsExactly(
                    java.util.stream.IntStream.rangeClosed(0, 200).asDoubleStream().toArray());
        }
        // --every 10: one frame for each of the 21 drawn epochs
        assertThat(new Timing(Pace.MOTION, 0.5, 10, 30).frames(200)).isEqualTo(21);
    }

    @Test
    void motionPacingGivesEachStepFramesInProportionToItsMotionWithinTheBounds() {
        // 40 frames for steps moving 10, 5, 2, 0.001: the last is held at the floor of a quarter
        // of the even share (2.5 frames)
        double[] shares = Timeline.shares(new double[] {10, 5, 2, 0.001}, 40);
        assertThat(shares[3]).isCloseTo(Timeline.MIN_SHARE * 10, offset(1e-9));
        assertThat(shares[0] / shares[1]).isCloseTo(2, offset(1e-6));
        assertThat(shares[1] / shares[2]).isCloseTo(2.5, offset(1e-6));
        assertThat(shares[0] + shares[1] + shares[2] + shares[3]).isCloseTo(40, offset(1e-9));
        assertThat(Timeline.frameCounts(new double[] {10, 5, 2, 0.001}, 40)).containsExactly(22, 11, 4, 3);

        // one step holding nearly all the motion is capped at MAX_SHARE times the even share
        double[] burst = new double[100];
        java.util.Arrays.fill(burst, 1);
        burst[0] = 1e6;
        double[] capped = Timeline.shares(burst, 400);
        assertThat(capped[0]).isCloseTo(Timeline.MAX_SHARE * 4, offset(1e-6));
        assertThat(capped[1]).isCloseTo((400 - Timeline.MAX_SHARE * 4) / 99, offset(1e-6));

        // with few frames to spare, the floor is one frame, and only the moving steps get more
        int[] counts = Timeline.frameCounts(new double[] {0, 8, 4, 1, 1, 0.5, 0.1, 0.1}, 12);
        assertThat(counts).containsExactly(1, 4, 2, 1, 1, 1, 1, 1);

        // nothing moves: even
        assertThat(Timeline.shares(new double[] {0, 0, 0}, 3)).containsExactly(1, 1, 1);
        assertThat(Timeline.frameCounts(new double[] {0, 0, 0}, 7)).containsExactly(3, 2, 2);
    }

    @Test
    void motionPacingSpendsTheFramesWhereThePointsMoveAndShowsEveryEpoch() {
        Timing t = new Timing(Pace.MOTION, 1.0, 1, 100);   // 100 frames
        int[] keys = t.keyEpochs(4);
        double[] e = epochs(Timeline.plan(t, 4, keys, new double[] {6, 2, 1, 1}));
        assertThat(e).hasSize(100);
        assertThat(e[0]).isZero();
        assertThat(e[99]).isEqualTo(4);
        for (int f = 1; f < e.length; f++) {
            assertThat(e[f]).isGreaterThan(e[f - 1]);
        }
        for (int epoch = 0; epoch <= 4; epoch++) {
            assertThat(e).contains((double) epoch);
        }
        // 6/10 of the time in the first step, 2/10 in the second
        assertThat(java.util.Arrays.stream(e).filter(x -> x < 1).count()).isBetween(59L, 61L);
        assertThat(java.util.Arrays.stream(e).filter(x -> x >= 1 && x < 2).count()).isBetween(19L, 21L);
    }

    @Test
    void framesSayTheirEpochInTheShortestText() {
        assertThat(RenderedFiles.epochText(12)).isEqualTo("12");
        assertThat(RenderedFiles.epochText(12.5)).isEqualTo("12.5");
        assertThat(RenderedFiles.epochText(0)).isEqualTo("0");
        assertThat(RenderedFiles.epochText(200)).isEqualTo("200");
        assertThat(RenderedFiles.epochText(1 + 1.0 / 3)).isEqualTo("1.333333");
    }

    @Test
    void badTimingsAreRejected() {
        assertThatThrownBy(() -> new Timing(Pace.MOTION, 0.0, 1, 30)).hasMessageContaining("duration");
        assertThatThrownBy(() -> new Timing(Pace.MOTION, null, 0, 30)).hasMessageContaining("every");
        assertThatThrownBy(() -> new Timing(Pace.MOTION, null, 1, 0)).hasMessageContaining("fps");
        assertThatThrownBy(() -> Pace.of("fast")).hasMessageContaining("epochs, motion");
        assertThat(Timing.DEFAULT.frames(200)).isEqualTo(240);
    }
}
