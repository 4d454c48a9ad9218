package org.umapanim.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayoutAgreementTest {
    private static final int N = 3_000;

    private static float[] random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * N];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) random.nextDouble();
        }
        return xy;
    }

    @Test
    void aLayoutAgreesFullyWithItselfScaledAHundredfoldAndTurned() {
        float[] a = random(1);
        float[] b = new float[a.length];
        for (int i = 0; i < N; i++) {
            // a quarter turn and a hundredth of the size: the same neighbours
            b[2 * i] = 0.5f + 0.01f * (a[2 * i + 1] - 0.5f);
            b[2 * i + 1] = 0.5f - 0.01f * (a[2 * i] - 0.5f);
        }
        LayoutAgreement agreement = new LayoutAgreement(N, 42);
        assertThat(agreement.sampleSize()).isEqualTo(LayoutAgreement.MAX_SAMPLE);
        assertThat(agreement.measure(List.of(a, b))[0]).isCloseTo(1.0, within(0.01));
    }

    @Test
    void unrelatedLayoutsShareWhatChanceGives() {
        double[] pairs = new LayoutAgreement(N, 42).measure(List.of(random(1), random(2), random(3)));
        assertThat(pairs).hasSize(3);
        for (double p : pairs) {
            assertThat(p).isCloseTo(15.0 / N, within(0.01));
        }
    }

    @Test
    void aLayoutWithHalfItsPointsMovedAgreesAboutHalf() {
        float[] a = random(1);
        float[] b = a.clone();
        float[] elsewhere = random(9);
        for (int i = 0; i < N; i += 2) {   // every other point put somewhere else
            b[2 * i] = elsewhere[2 * i];
            b[2 * i + 1] = elsewhere[2 * i + 1];
        }
        double agreement = new LayoutAgreement(N, 42).measure(List.of(a, b))[0];
        // a kept point keeps about half its neighbours (the kept ones), a moved one almost none
        assertThat(agreement).isBetween(0.15, 0.35);
    }

    @Test
    void thePairsComeInOrderAndTheMeasureIsSymmetricAndSeeded() {
        assertThat(LayoutAgreement.pairs(4)).extracting(p -> p[0] + "-" + p[1])
                .containsExactly("0-1", "0-2", "0-3", "1-2", "1-3", "2-3");
        float[] a = random(1);
        float[] b = random(2);
        float[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.7f * c[i] + 0.3f * b[i];
        }
        LayoutAgreement agreement = new LayoutAgreement(N, 7);
        assertThat(agreement.measure(List.of(a, c))[0]).isEqualTo(agreement.measure(List.of(c, a))[0]);
        assertThat(new LayoutAgreement(N, 7).measure(List.of(a, c))).isEqualTo(agreement.measure(List.of(a, c)));
    }

    @Test
    void fewPointsCountAllTheOthers() {
        LayoutAgreement agreement = new LayoutAgreement(5, 1);
        assertThat(agreement.k()).isEqualTo(4);
        float[] a = {0, 0, 1, 0, 0, 1, 1, 1, 0.5f, 0.5f};
        assertThat(agreement.measure(List.of(a, a.clone()))[0]).isEqualTo(1.0);
    }
}
