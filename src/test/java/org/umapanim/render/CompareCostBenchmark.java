package org.umapanim.render;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.umapanim.dataset.ImageShape;
import org.umapanim.quality.LayoutAgreement;

/**
 * What a frame of a two-run comparison costs against a frame of one run at the same size
 * (1920×1080): the CPU time of this thread to paint the frame and write its PNG, the two
 * alternating so a busy shared machine weighs on both alike, and the agreement measure a
 * comparison adds per frame. Medians of ROUNDS.
 *
 * <p>Usage: {@code CompareCostBenchmark [POINTS [ROUNDS]]} (default: 10,000 points, 30 rounds).
 */
public final class CompareCostBenchmark {
    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String[] labels = FakeData.labels(points, 10);
        Legend legend = Legend.images(labels, FakeData.digitImages(labels), new ImageShape(28, 28), 42);
        FrameSize size = new FrameSize(1920, 1080, 1);
        RenderOptions o = new RenderOptions("Compare cost", points + " points", size, null, Camera.FOLLOW,
                Timing.DEFAULT, 1, 42);
        float[] a = FakeData.layout(labels, 10, 150, 200, 1);
        float[] b = FakeData.layout(labels, 10, 100, 200, 2);
        View view = new View(0.05, 0.05, 0.9);
        FramePainter one = new FramePainter(legend, labels, o);
        List<CompareRun> runs = List.of(new CompareRun(new Fixed(labels, a), "UMAP · 15 neighbours", "epoch"),
                new CompareRun(new Fixed(labels, b), "t-SNE · perplexity 30", "iteration"));
        PanelsPainter two = new PanelsPainter(runs, List.of("UMAP vs t-SNE"), legend, Classes.of(labels), size, null);
        LayoutAgreement agreement = new LayoutAgreement(points, 42);
        AgreementTrace trace = new AgreementTrace(new double[] {0, 0.5}, new double[][] {{0.3}, {0.4}},
                LayoutAgreement.pairs(2), 15);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] single = new long[rounds];
        long[] double_ = new long[rounds];
        long[] measure = new long[rounds];
        for (int r = -5; r < rounds; r++) {   // five rounds of warm-up
            long t0 = cpu.getCurrentThreadCpuTime();
            png(one.paint(150, 200, a, view));
            long t1 = cpu.getCurrentThreadCpuTime();
            png(two.paint(new double[] {150, 562.5}, List.of(a, b), new View[] {view, view}, trace, 1));
            long t2 = cpu.getCurrentThreadCpuTime();
            agreement.measure(List.of(a, b));
            long t3 = cpu.getCurrentThreadCpuTime();
            if (r >= 0) {
                single[r] = t1 - t0;
                double_[r] = t2 - t1;
                measure[r] = t3 - t2;
            }
        }
        double s = median(single), d = median(double_), m = median(measure);
        System.out.printf("%,d points, 1920x1080, medians of %d rounds of CPU time, load average %.1f%n", points, rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("one run:   paint + PNG %.1f ms%n", s);
        System.out.printf("two runs:  paint + PNG %.1f ms (%.2f×), agreement %.1f ms, together %.2f×%n", d, d / s, m,
                (d + m) / s);
    }

    private static void png(java.awt.image.BufferedImage image) throws Exception {
        PngWriter.write(image, new ByteArrayOutputStream(1 << 20));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** A run that is one layout. */
    private record Fixed(String[] labels, float[] xy) implements org.umapanim.store.EpochHistory {
        @Override
        public int points() {
            return labels.length;
        }

        @Override
        public int lastEpoch() {
            return 0;
        }

        @Override
        public String[] labels() {
            return labels.clone();
        }

        @Override
        public void forEachEpoch(org.umapanim.common.EpochListener listener) {
            listener.onEpoch(0, xy.clone());
        }
    }
}
