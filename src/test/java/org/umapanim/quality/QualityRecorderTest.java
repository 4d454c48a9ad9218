package org.umapanim.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.knn.Blobs;
import org.umapanim.knn.MnistSample;
import org.umapanim.reduce.Hooks;
import org.umapanim.umap.CrossEntropyEstimateTest;
import org.umapanim.umap.EmbeddingQuality;
import org.umapanim.umap.TestParams;
import org.umapanim.umap.UmapParams;
import org.umapanim.umap.UmapReducer;

class QualityRecorderTest {

    /** Integer-valued blobs (so both sides' distances are exact) with labels "0" … "classes-1". */
    private record Blobs(float[] values, String[] labels, int[] classes, int n, int d) {
        static Blobs make(int n, int d, int classes, long seed) {
            Random random = new Random(seed);
            float[][] centres = new float[classes][d];
            for (float[] c : centres) {
                for (int j = 0; j < d; j++) {
                    c[j] = (float) Math.rint(random.nextGaussian() * 12);
                }
            }
            float[] values = new float[n * d];
            String[] labels = new String[n];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i % classes;
                labels[i] = Integer.toString(ids[i]);
                for (int j = 0; j < d; j++) {
                    values[i * d + j] = (float) Math.rint(centres[ids[i]][j] + random.nextGaussian() * 8);
                }
            }
            return new Blobs(values, labels, ids, n, d);
        }
    }

    /** Three layouts of the blobs: random, the first two input columns with the classes set apart, and that shaken. */
    private static float[][] layouts(Blobs b) {
        Random random = new Random(7);
        float[][] out = new float[3][2 * b.n()];
        for (int i = 0; i < b.n(); i++) {
            out[0][2 * i] = random.nextFloat();
            out[0][2 * i + 1] = random.nextFloat();
            out[1][2 * i] = b.values()[i * b.d()] + 100 * b.classes()[i];
            out[1][2 * i + 1] = b.values()[i * b.d() + 1];
            out[2][2 * i] = out[1][2 * i] + (float) random.nextGaussian() * 4;
            out[2][2 * i + 1] = out[1][2 * i + 1] + (float) random.nextGaussian() * 4;
        }
        return out;
    }

    private static QualityRun record(Blobs b, String[] labels, float[][] layouts, double scaleX, double scaleY) {
        return record(b, labels, layouts, scaleX, scaleY, 1);
    }

    private static QualityRun record(Blobs b, String[] labels, float[][] layouts, double scaleX, double scaleY,
                                     int threads) {
        try (QualityRecorder recorder = new QualityRecorder(b.values(), b.n(), b.d(), labels, 3, threads)) {
            for (int e = 0; e < layouts.length; e++) {
                recorder.onEpoch(e, layouts[e]);
            }
            return recorder.finish(scaleX, scaleY);
        }
    }

    /**
     * Data scaled by a power of ten far from 1: the squares of values from about 1e19 overflow a
     * float and those of values below about 1e-19 vanish, so distances computed as they are would
     * tell no neighbour from another; the same layout must score the same.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "values × {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {1e19, 1e30, 1e-30})
    void theMeasuresOfDataOfAnyMagnitudeAreThoseOfTheUnscaledData(double scale) {
        Blobs b = Blobs.make(600, 12, 4, 5);
        float[] scaled = new float[b.values().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (float) (b.values()[i] * scale);
        }
        Blobs big = new Blobs(scaled, b.labels(), b.classes(), b.n(), b.d());
        float[][] layouts = layouts(b);
        QualityRun plain = record(b, b.labels(), layouts, 1, 1);
        QualityRun far = record(big, b.labels(), layouts, 1, 1);
        for (int e = 0; e < layouts.length; e++) {
            EpochMeasures expected = plain.epochs().get(e);
            EpochMeasures actual = far.epochs().get(e);
            assertThat(actual.trustworthiness()).as("trustworthiness, layout %d", e)
                    .isCloseTo(expected.trustworthiness(), within(0.01));
            assertThat(actual.neighbourPreservation()).as("neighbours kept, layout %d", e)
                    .isCloseTo(expected.neighbourPreservation(), within(0.01));
        }
        assertThat(plain.epochs().get(1).neighbourPreservation()).as("a layout that keeps neighbours").isGreaterThan(0.1);   // a random one keeps 15/599
    }

    @Test
    void withEveryPointSampledTheMeasuresAreExact() {
        Blobs b = Blobs.make(400, 12, 4, 1);
        float[][] layouts = layouts(b);
        QualityRun run = record(b, b.labels(), layouts, 1, 1);
        assertThat(run.method().highDSample()).isEqualTo(400);
        assertThat(run.method().planarSample()).isEqualTo(400);
        for (int e = 0; e < 3; e++) {
            EpochMeasures m = run.epochs().get(e);
            assertThat(m.epoch()).isEqualTo(e);
            assertThat(m.trustworthiness()).as("trustworthiness, epoch %d", e)
                    .isCloseTo(EmbeddingQuality.trustworthiness(b.values(), b.n(), b.d(), layouts[e], 15), within(1e-12));
            assertThat(m.neighbourPreservation()).as("preservation, epoch %d", e)
                    .isCloseTo(preservation(b, layouts[e], 15), within(1e-12));
            assertThat(m.labelAccuracy()).as("accuracy, epoch %d", e)
                    .isCloseTo(leaveOneOutAccuracy(layouts[e], b.classes(), 10), within(1e-12));
            assertThat(m.lossAttraction()).as("no objective, no loss").isNaN();
        }
        // the measures tell the layouts apart: random < the input's own columns
        assertThat(run.epochs().get(1).trustworthiness()).isGreaterThan(run.epochs().get(0).trustworthiness() + 0.05);
        assertThat(run.epochs().get(1).labelAccuracy()).isGreaterThan(0.9);
        assertThat(run.epochs().get(0).labelAccuracy()).isLessThan(0.4);
    }

    @Test
    void anyThreadCountGivesTheSameMeasuresBitForBit() {
        // more points than a block of work measures, and a loss: every measure is split over threads
        Blobs b = Blobs.make(1200, 12, 4, 5);
        float[][] layouts = layouts(b);
        List<List<EpochMeasures>> runs = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            try (QualityRecorder recorder = new QualityRecorder(b.values(), b.n(), b.d(), b.labels(), 3, threads)) {
                recorder.useObjective(CrossEntropyEstimateTest.objective(b.n(), 10, 1, 0.9));
                for (int e = 0; e < layouts.length; e++) {
                    recorder.onEpoch(e, layouts[e]);
                }
                runs.add(recorder.finish(1, 1).epochs());
            }
        }
        assertThat(runs.get(0)).allSatisfy(m -> assertThat(m.loss()).isFinite());
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    /** Mean fraction of the k nearest input-space neighbours among the k nearest in the layout, by brute force. */
    private static double preservation(Blobs b, float[] layout, int k) {
        double sum = 0;
        for (int i = 0; i < b.n(); i++) {
            int fi = i;
            int[] input = nearest(b.n(), i, k, j -> {
                double s = 0;
                for (int c = 0; c < b.d(); c++) {
                    double diff = b.values()[fi * b.d() + c] - b.values()[j * b.d() + c];
                    s += diff * diff;
                }
                return s;
            });
            int[] plane = nearest(b.n(), i, k, j -> planeDistance(layout, fi, j));
            sum += Arrays.stream(plane).filter(j -> Arrays.stream(input).anyMatch(x -> x == j)).count() / (double) k;
        }
        return sum / b.n();
    }

    private static double leaveOneOutAccuracy(float[] layout, int[] classes, int votes) {
        int n = classes.length;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int fi = i;
            int[] tally = new int[Arrays.stream(classes).max().getAsInt() + 1];
            for (int j : nearest(n, i, votes, j -> planeDistance(layout, fi, j))) {
                tally[classes[j]]++;
            }
            int vote = 0;
            for (int c = 1; c < tally.length; c++) {
                vote = tally[c] > tally[vote] ? c : vote;
            }
            correct += vote == classes[i] ? 1 : 0;
        }
        return correct / (double) n;
    }

    private static double planeDistance(float[] layout, int i, int j) {
        double dx = (double) layout[2 * i] - layout[2 * j];
        double dy = (double) layout[2 * i + 1] - layout[2 * j + 1];
        return dx * dx + dy * dy;
    }

    /** The k nearest others of {@code self}, nearest first, equal distances in index order. */
    private static int[] nearest(int n, int self, int k, java.util.function.IntToDoubleFunction distance) {
        double[] to = new double[n];
        for (int j = 0; j < n; j++) {
            to[j] = distance.applyAsDouble(j);
        }
        return java.util.stream.IntStream.range(0, n).filter(j -> j != self).boxed()
                .sorted((p, q) -> {
                    int c = Double.compare(to[p], to[q]);
                    return c != 0 ? c : Integer.compare(p, q);
                })
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void atTheLastEpochTrustworthinessAndAccuracyAgreeWithTheFullComputation() {
        // 4,000 digits: more than either sample, so both estimates are from samples
        MnistSample s = MnistSample.load(4000);
        String[] labels = Arrays.stream(s.labels()).mapToObj(Integer::toString).toArray(String[]::new);
        UmapParams params = TestParams.threads(UmapParams.DEFAULTS, 2);
        QualityRun run;
        float[] layout;
        try (QualityRecorder recorder = new QualityRecorder(s.values(), s.n(), s.d(), labels, params.seed(), 1)) {
            layout = new UmapReducer(params).fit(s.values(), s.n(), s.d(), recorder,
                    new Hooks(found -> "", recorder::useObjective), Progress.NONE).layout();
            run = recorder.finish(0.05, 0.05);
        }
        assertThat(run.method().highDSample()).isLessThan(s.n());
        assertThat(run.method().planarSample()).isLessThan(s.n());
        assertThat(run.method().lastSample()).as("the last epoch: every point").isEqualTo(s.n());
        assertThat(run.epochs()).hasSize(201);
        EpochMeasures last = run.last();
        assertThat(last.trustworthiness()).as("trustworthiness(15)")
                .isCloseTo(EmbeddingQuality.trustworthiness(s.values(), s.n(), s.d(), layout, 15), within(0.01));
        assertThat(last.labelAccuracy()).as("10-NN accuracy")
                .isCloseTo(EmbeddingQuality.knnAccuracy(layout, s.labels(), 10, 5, 0), within(0.01))
                .isCloseTo(leaveOneOut(layout, s.labels(), 10), within(0.01));

        EpochMeasures first = run.epochs().get(0);
        assertThat(first.motionMedian()).as("no motion before the first epoch").isNaN();
        assertThat(run.epochs().get(1).motionMedian()).as("the first epoch moves nothing (design §3)").isZero();
        for (EpochMeasures m : run.epochs()) {
            assertThat(m.loss()).isFinite().isPositive();
            assertThat(m.lossAttraction()).isPositive().isLessThan(m.loss());
        }
        EpochMeasures tenth = run.epochs().get(10);
        assertThat(last.motionP95()).isGreaterThanOrEqualTo(last.motionMedian());
        assertThat(last.motionMedian()).as("the layout settles as the learning rate falls")
                .isLessThan(tenth.motionMedian() / 5);
        assertThat(last.lossAttraction()).as("attraction pulls neighbours together").isLessThan(first.lossAttraction());
        assertThat(last.trustworthiness()).isGreaterThan(first.trustworthiness());
        assertThat(last.neighbourPreservation()).isGreaterThan(first.neighbourPreservation());
    }

    @Test
    void theLastEpochsAccuracyIsMeasuredOnItsLargerSampleWithinAHundredthOfAllPoints() {
        // more points than the last epoch's sample; classes that overlap in the layout, so the
        // accuracy is far from 0 and 1 and a sample's estimate could miss it
        Blobs b = Blobs.make(QualitySample.LAST + 2_000, 3, 6, 11);
        Random random = new Random(3);
        float[][] layouts = new float[2][2 * b.n()];
        for (int i = 0; i < b.n(); i++) {
            for (int e = 0; e < 2; e++) {
                layouts[e][2 * i] = b.values()[i * b.d()] + 6 * b.classes()[i] + (float) random.nextGaussian() * 12;
                layouts[e][2 * i + 1] = b.values()[i * b.d() + 1] + (float) random.nextGaussian() * 12;
            }
        }
        QualityRun run = record(b, b.labels(), layouts, 1, 1, 2);
        assertThat(run.method().planarSample()).isEqualTo(QualitySample.PLANAR);
        assertThat(run.method().lastSample()).isEqualTo(QualitySample.LAST);
        assertThat(run.method().describe().get("label_accuracy"))
                .contains("at the last epoch for the first " + QualitySample.LAST);
        double full = leaveOneOut(layouts[1], b.classes(), 10);
        assertThat(full).as("the full accuracy").isBetween(0.3, 0.9);
        assertThat(run.last().labelAccuracy()).isCloseTo(full, within(0.01));
        // the same layout at epoch 0, from the 1,000 points every epoch is measured on
        assertThat(run.epochs().get(0).labelAccuracy()).isCloseTo(full, within(0.05))
                .isNotEqualTo(run.last().labelAccuracy());
    }

    /** Leave-one-out k-NN accuracy over every point, by brute force, ties to the lower class. */
    private static double leaveOneOut(float[] layout, int[] classes, int k) {
        int n = classes.length;
        int classCount = Arrays.stream(classes).max().getAsInt() + 1;
        long correct = java.util.stream.IntStream.range(0, n).parallel().filter(i -> {
            double[] best = new double[k];
            int[] who = new int[k];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = planeDistance(layout, i, j);
                if (d < best[k - 1]) {
                    int at = k - 1;
                    while (at > 0 && best[at - 1] > d) {
                        best[at] = best[at - 1];
                        who[at] = who[at - 1];
                        at--;
                    }
                    best[at] = d;
                    who[at] = j;
                }
            }
            int[] tally = new int[classCount];
            for (int j : who) {
                tally[classes[j]]++;
            }
            int vote = 0;
            for (int c = 1; c < classCount; c++) {
                vote = tally[c] > tally[vote] ? c : vote;
            }
            return vote == classes[i];
        }).count();
        return correct / (double) n;
    }

    @Test
    void motionIsMeasuredInTheStoredUnitsOfEitherNormalisation() {
        Blobs b = Blobs.make(50, 3, 2, 2);
        float[][] layouts = new float[3][];
        layouts[0] = layouts(b)[0];
        layouts[1] = layouts[0].clone();
        layouts[2] = layouts[0].clone();
        for (int i = 0; i < 50; i++) {
            layouts[1][2 * i] += 3;        // every point moves (3, 4): 5 raw units
            layouts[1][2 * i + 1] += 4;
            layouts[2][2 * i] = layouts[1][2 * i] + (i < 25 ? 6 : 0);      // half move (6, 8), half stay
            layouts[2][2 * i + 1] = layouts[1][2 * i + 1] + (i < 25 ? 8 : 0);
        }
        List<EpochMeasures> shared = record(b, b.labels(), layouts, 0.1, 0.1).epochs();
        assertThat(shared.get(0).motionMedian()).isNaN();
        assertThat(shared.get(0).motionP95()).isNaN();
        assertThat(shared.get(1).motionMedian()).isCloseTo(0.5, within(1e-6));
        assertThat(shared.get(1).motionP95()).isCloseTo(0.5, within(1e-6));
        // 25 zeros and 25 ones: the median falls midway between them, the 95th percentile on a one
        assertThat(shared.get(2).motionMedian()).isCloseTo(0.5, within(1e-6));
        assertThat(shared.get(2).motionP95()).isCloseTo(1.0, within(1e-6));

        List<EpochMeasures> stretched = record(b, b.labels(), layouts, 0.1, 0.2).epochs();
        assertThat(stretched.get(1).motionMedian()).isCloseTo(Math.hypot(0.3, 0.8), within(1e-6));
    }

    @Test
    void unlabelledDataHasNoAccuracyAndTheFooterSaysWhy() {
        Blobs b = Blobs.make(60, 4, 3, 3);
        QualityRun run = record(b, null, layouts(b), 1, 1);
        assertThat(run.epochs()).allSatisfy(m -> assertThat(m.labelAccuracy()).isNaN());
        assertThat(run.method().describe()).containsEntry("label_accuracy", "not measured: the data has no labels")
                .containsEntry("loss", "not measured: the reducer handed out no objective")
                .containsEntry("sample_size", "60")
                .containsEntry("k", "15");
    }

    @Test
    void threePointsAndIdenticalRowsAreMeasuredToo() {
        float[] three = {0, 0, 1, 1, 5, 5};
        try (QualityRecorder recorder = new QualityRecorder(three, 3, 2, new String[] {"a", "a", "b"}, 1, 1)) {
            recorder.useObjective(CrossEntropyEstimateTest.objective(3, 2, 1, 0.9));
            recorder.onEpoch(0, new float[] {0, 0, 1, 0, 9, 9});
            QualityRun run = recorder.finish(1, 1);
            assertThat(run.method().k()).as("sklearn needs k < n/2").isEqualTo(1);
            assertThat(run.last().trustworthiness()).isEqualTo(1.0);
            assertThat(run.last().neighbourPreservation()).isEqualTo(1.0);
            assertThat(run.last().labelAccuracy()).as("b's two neighbours vote a").isCloseTo(2 / 3.0, within(1e-12));
            assertThat(run.last().loss()).isFinite();
        }
        float[] same = new float[30 * 4];   // 30 identical rows, all at the same place in the layout
        try (QualityRecorder recorder = new QualityRecorder(same, 30, 4, null, 1, 1)) {
            recorder.onEpoch(0, new float[60]);
            recorder.onEpoch(1, new float[60]);
            QualityRun run = recorder.finish(1, 1);
            assertThat(run.last().trustworthiness()).isEqualTo(1.0);
            assertThat(run.last().motionMedian()).isZero();
        }
    }

    @Test
    void epochsMustComeInOrderAndTheObjectiveFirst() {
        Blobs b = Blobs.make(40, 3, 2, 4);
        try (QualityRecorder recorder = new QualityRecorder(b.values(), b.n(), b.d(), b.labels(), 1, 1)) {
            assertThatThrownBy(() -> recorder.onEpoch(1, new float[80])).hasMessageContaining("expected epoch 0");
            assertThatThrownBy(() -> recorder.onEpoch(0, new float[10])).hasMessageContaining("expected 2 × 40");
            recorder.onEpoch(0, layouts(b)[0]);
            assertThatThrownBy(() -> recorder.useObjective(CrossEntropyEstimateTest.objective(40, 4, 1, 1)))
                    .hasMessageContaining("before epoch 0");
        }
    }
}
