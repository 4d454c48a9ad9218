package org.umapanim.bench;

import java.lang.management.ManagementFactory;
import org.umapanim.common.Progress;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Metric;
import org.umapanim.knn.MnistSample;
import org.umapanim.knn.NearestNeighbors;
import org.umapanim.knn.Workers;
import org.umapanim.tsne.Affinities;
import org.umapanim.tsne.TsneOptimizer;
import org.umapanim.tsne.TsneSchedule;
import org.umapanim.tsne.TsneStart;
import org.umapanim.umap.EmbeddingQuality;

/**
 * One t-SNE run on the bundled digits with the default schedule: the time of each phase (kNN
 * with k = 3·perplexity, affinities, the optimiser's early-exaggeration and later iterations),
 * in wall-clock and process CPU milliseconds per iteration, then the layout's quality. Then
 * the repulsion's crossover: the optimiser's iteration time with exact and with FFT repulsion
 * at a few sizes, one thread. Machines here are shared and noisy: read ratios within one run
 * (and the CPU figures) rather than absolute wall times.
 *
 * <p>Usage: {@code TsneBench [ROWS [THREADS]]}, default 10,000 rows on 2 threads.
 */
public final class TsneBench {
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        MnistSample s = MnistSample.load(rows);
        long t0 = System.nanoTime();
        KnnGraph knn = NearestNeighbors.search(s.values(), s.n(), s.d(), 91, Metric.EUCLIDEAN, 42, threads, Progress.NONE);
        long t1 = System.nanoTime();
        Affinities p;
        try (Workers w = new Workers(threads)) {
            p = Affinities.of(knn, 30, w);
            long t2 = System.nanoTime();
            System.out.printf("%d rows, %d threads: kNN %.0f ms, affinities %.0f ms%n", s.n(), threads, ms(t1 - t0), ms(t2 - t1));
            TsneSchedule schedule = TsneSchedule.DEFAULTS;
            long[] wall = new long[schedule.iterations() + 1];
            long[] cpu = new long[schedule.iterations() + 1];
            float[] layout = new TsneOptimizer(p, schedule, w).run(TsneStart.random(s.n(), 1), (t, xy) -> {
                wall[t] = System.nanoTime();
                cpu[t] = processCpu();
            }, null, Progress.NONE);
            int early = schedule.earlyIterations();
            int all = schedule.iterations();
            System.out.printf("optimiser: %.0f ms in all; per iteration %.1f ms (CPU %.1f) exaggerated, %.1f ms (CPU %.1f) after%n",
                    ms(wall[all] - wall[0]), ms(wall[early] - wall[0]) / early, ms(cpu[early] - cpu[0]) / early,
                    ms(wall[all] - wall[early]) / (all - early), ms(cpu[all] - cpu[early]) / (all - early));
            if (s.n() <= 10_000) {
                System.out.printf("trustworthiness(15) %.4f, 10-NN accuracy %.4f%n",
                        EmbeddingQuality.trustworthiness(s.values(), s.n(), s.d(), layout, 15),
                        EmbeddingQuality.knnAccuracy(layout, s.labels(), 10, 5, 42));
            }
        }
        crossover();
    }

    /** ms per iteration of a short run (30 exaggerated, 30 after) with each repulsion, one thread. */
    private static void crossover() {
        TsneSchedule shortRun = new TsneSchedule(60, 12, 30, 1, TsneSchedule.AUTO, 0.8, 5);
        for (int n : new int[] {250, 500, 1000, 2000, 4000}) {
            MnistSample s = MnistSample.load(n);
            KnnGraph knn = NearestNeighbors.search(s.values(), s.n(), s.d(), Math.min(91, n - 1), Metric.EUCLIDEAN, 42, 1,
                    Progress.NONE);
            try (Workers w = new Workers(1)) {
                Affinities p = Affinities.of(knn, Math.min(30, (n - 2) / 3.0), w);
                double[] per = new double[2];
                for (int e = 0; e < 2; e++) {
                    long c0 = processCpu();
                    new TsneOptimizer(p, shortRun, w, e == 0).run(TsneStart.random(n, 1), (t, xy) -> {}, null, Progress.NONE);
                    per[e] = ms(processCpu() - c0) / shortRun.iterations();
                }
                System.out.printf("n %d: exact %.2f ms, FFT %.2f ms CPU per iteration%n", n, per[0], per[1]);
            }
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
