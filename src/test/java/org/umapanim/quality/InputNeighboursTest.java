package org.umapanim.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.umapanim.knn.Workers;

class InputNeighboursTest {
    private static final int N = 3_000;
    private static final int D = 12;

    /** Integer-valued points in a few blobs, so every squared distance is exact in floats and ties occur. */
    private static float[] points() {
        Random random = new Random(3);
        float[] values = new float[N * D];
        for (int i = 0; i < N; i++) {
            int blob = i % 5;
            for (int c = 0; c < D; c++) {
                values[i * D + c] = (float) Math.rint(blob * 6 + random.nextGaussian() * 4);
            }
        }
        return values;
    }

    private static final float[] VALUES = points();
    private static final QualitySample SAMPLE = QualitySample.of(N, 9);

    /** The ranks as the recorder finds them for so few points: all of them, exactly. */
    private static InputNeighbours exact() {
        return measure(InputNeighbours.MAX_RANKS, InputNeighbours.HEAD, InputNeighbours.TAIL);
    }

    private static InputNeighbours measure(long maxRanks, int head, int tail) {
        try (Workers workers = new Workers(2)) {
            return InputNeighbours.of(VALUES, N, D, SAMPLE, 15, workers, maxRanks, head, tail);
        }
    }

    @Test
    void ranksAreEveryPointsPositionByDistanceWithTiesSharingTheBetterOne() {
        InputNeighbours all = exact();
        assertThat(all.rankMethod()).isEqualTo("every rank exact");
        for (int q = 0; q < SAMPLE.highD(); q += 37) {
            int self = SAMPLE.point(q);
            for (int j = 0; j < N; j += 7) {
                if (j == self) {
                    continue;
                }
                long d = squaredDistance(VALUES, self, j);
                int closer = 0;
                for (int i = 0; i < N; i++) {
                    if (i != self && squaredDistance(VALUES, self, i) < d) {
                        closer++;
                    }
                }
                assertThat(all.rank(q, j)).as("rank of %d from sampled point %d", j, self).isEqualTo(closer + 1);
            }
        }
    }

    @Test
    void aSketchWithEveryDistanceKeptGivesTheExactRanks() {
        InputNeighbours all = exact();
        InputNeighbours sketch = measure(0, 100, N);
        assertThat(sketch.rankMethod()).contains("100 nearest", "within 0 ranks", "at ranks 101, 102, 103");
        for (int q = 0; q < SAMPLE.highD(); q++) {
            for (int j = 0; j < N; j++) {
                if (j != SAMPLE.point(q)) {
                    assertThat(sketch.rank(q, j)).isEqualTo(all.rank(q, j));
                    assertThat(sketch.isNear(q, j)).isEqualTo(all.isNear(q, j));
                }
            }
        }
    }

    @Test
    void aCoarseSketchIsExactInItsHeadAndWithinHalfAStepBeyondWithoutBias() {
        InputNeighbours all = exact();
        int head = 200;
        int step = (N - 1 - head + 63) / 64;   // 44
        InputNeighbours sketch = measure(0, head, 64);
        assertThat(sketch.rankMethod()).contains("200 nearest", "within " + step / 2 + " ranks",
                "at ranks 201, " + (201 + step) + ", ");
        double signedError = 0;
        int beyond = 0;
        for (int q = 0; q < SAMPLE.highD(); q++) {
            for (int j = 0; j < N; j++) {
                if (j == SAMPLE.point(q)) {
                    continue;
                }
                int exact = all.rank(q, j);
                int estimate = sketch.rank(q, j);
                assertThat(sketch.isNear(q, j)).isEqualTo(all.isNear(q, j));
                if (exact <= head) {
                    // in the head, or tied with its last points
                    assertThat(estimate).as("a head rank").isEqualTo(exact);
                } else {
                    // between two kept distances: off by at most half a step
                    assertThat(Math.abs(estimate - exact)).as("rank %d's estimate %d", exact, estimate)
                            .isLessThanOrEqualTo(step / 2);
                    signedError += estimate - exact;
                    beyond++;
                }
            }
        }
        assertThat(beyond).isGreaterThan(SAMPLE.highD() * (N - 1 - head) / 2);
        assertThat(signedError / beyond).as("mean error of the estimates").isBetween(-1.0, 1.0);
    }

    @Test
    void theSampleIsNotCutForLargeData() {
        assertThat(QualitySample.of(1_000_000, 1).highD()).isEqualTo(QualitySample.HIGH_D);
    }

    private static long squaredDistance(float[] values, int a, int b) {
        long s = 0;
        for (int c = 0; c < D; c++) {
            long diff = (long) (values[a * D + c] - values[b * D + c]);
            s += diff * diff;
        }
        return s;
    }
}
