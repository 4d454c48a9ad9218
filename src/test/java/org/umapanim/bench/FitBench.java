package org.umapanim.bench;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.umap.EmbeddingQuality;
import org.umapanim.umap.TestParams;
import org.umapanim.umap.Umap;
import org.umapanim.umap.UmapObjective;
import org.umapanim.umap.UmapParams;

/**
 * UMAP's fit alone, its phases timed in CPU time (the process's, all threads, JIT and GC
 * included) rather than wall time, which a shared machine makes meaningless; and the SGD's cost
 * per sample, positive and negative, beside the bare 2-D gradient ({@link GradientBench}). Run
 * it against two builds alternately (A/B/A/B) and compare ratios.
 *
 * <p>Usage: {@code FitBench [--limit N] [--threads N] [--fits N] [--no-negatives] [--out FILE] [--seed S] [--quality] [--input FILE] [--live]}
 * on the bundled digits (or FILE; --quality needs integer labels). {@code --out} writes the final layout (x, y float pairs, little-endian)
 * for a bit-identity check; {@code --no-negatives} runs with negative_sample_rate 0, whose SGD
 * time is the positive samples' alone; {@code --live} collects all garbage halfway through the SGD
 * and prints the heap still in use (what the SGD holds, with the caller's data).
 */
public final class FitBench {
    public static void main(String[] args) throws Exception {
        int limit = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        int fits = 1;
        int negativeRate = 5;
        Path out = null;
        boolean quality = false;
        Path input = null;
        boolean live = false;
        long seed = UmapParams.DEFAULTS.seed();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--fits" -> fits = Integer.parseInt(args[++i]);
                case "--no-negatives" -> negativeRate = 0;
                case "--out" -> out = Path.of(args[++i]);
                case "--quality" -> quality = true;
                case "--input" -> input = Path.of(args[++i]);
                case "--live" -> live = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Dataset data = input == null ? DatasetReader.bundled(limit) : DatasetReader.read(input, null, limit);
        int n = data.rows();
        int d = data.cols();
        UmapParams p = TestParams.threads(UmapParams.DEFAULTS, threads);
        p = new UmapParams(p.nNeighbors(), p.minDist(), p.spread(), p.nEpochs(), p.learningRate(),
                p.repulsionStrength(), negativeRate, p.init(), p.pca(), seed, p.threads(), p.metric());
        for (int f = 0; f < fits; f++) {
            long[] cpu = new long[5];
            long[] wall = new long[5];
            UmapObjective[] objective = new UmapObjective[1];
            float[] last = new float[2 * n];
            int epochs = p.nEpochs();
            mark(cpu, wall, 0);
            Umap umap = new Umap(p)
                    .withNeighboursListener(found -> mark(cpu, wall, 1))
                    .withObjectiveListener(o -> {
                        mark(cpu, wall, 2);
                        objective[0] = o;
                    });
            boolean measureLive = live;
            umap.fit(data.values(), n, d, (epoch, xy) -> {
                if (measureLive && epoch == epochs / 2) {
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf("heap in use after a full GC at epoch %d: %.1f MB%n", epoch,
                            (rt.totalMemory() - rt.freeMemory()) / 1e6);
                }
                if (epoch == 0) {
                    mark(cpu, wall, 3);
                } else if (epoch == epochs) {
                    mark(cpu, wall, 4);
                    System.arraycopy(xy, 0, last, 0, xy.length);
                }
            }, Progress.NONE);
            long[] samples = Schedule.samples(objective[0], epochs, negativeRate);
            double sgdCpu = (cpu[4] - cpu[3]) * 1e-9;
            System.out.printf("fit %d: n %d, %d threads; CPU s: kNN %.2f, graph %.2f, init %.2f, SGD %.2f;"
                            + " wall s: kNN %.2f, SGD %.2f; samples +%,d -%,d; SGD CPU ns per positive sample"
                            + " with its negatives %.1f%n",
                    f, n, threads, (cpu[1] - cpu[0]) * 1e-9, (cpu[2] - cpu[1]) * 1e-9, (cpu[3] - cpu[2]) * 1e-9,
                    sgdCpu, (wall[1] - wall[0]) * 1e-9, (wall[4] - wall[3]) * 1e-9, samples[0], samples[1],
                    sgdCpu * 1e9 / samples[0]);
            if (f == 0) {
                long[] end = new long[5];
                mark(end, new long[5], 0);
                System.out.printf("process CPU %.2f s at the end of the first fit, %.2f s at its start; JIT compilers %.2f s%n",
                        end[0] * 1e-9, cpu[0] * 1e-9, ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1e-3);
            }
            if (f == 0) {
                System.out.println("threads' CPU s: " + threadsCpu());
            }
            if (quality) {
                System.out.printf("quality: trustworthiness(15) %.4f on the first %d rows, 10-NN accuracy %.4f%n",
                        trust(data, last, QUALITY_ROWS), QUALITY_ROWS, EmbeddingQuality.knnAccuracy(last, labels(data), 10, 5, 0));
            }
            if (out != null && f == fits - 1) {
                ByteBuffer b = ByteBuffer.allocate(4 * last.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(last);
                Files.write(out, b.array());
            }
        }
    }

    /** Trustworthiness is O(n²·d): measured among the first rows (the bundled rows are shuffled), layout restricted to them. */
    private static final int QUALITY_ROWS = 4000;

    private static double trust(Dataset data, float[] layout, int rows) {
        int m = Math.min(rows, data.rows());
        float[] v = java.util.Arrays.copyOf(data.values(), m * data.cols());
        return EmbeddingQuality.trustworthiness(v, m, data.cols(), java.util.Arrays.copyOf(layout, 2 * m), 15);
    }

    private static int[] labels(Dataset data) {
        int[] l = new int[data.rows()];
        for (int i = 0; i < l.length; i++) {
            l[i] = Integer.parseInt(data.labels()[i]);
        }
        return l;
    }

    /** CPU seconds of this process's threads by name (Linux /proc; the JIT's and GC's threads included), largest first. */
    private static String threadsCpu() throws java.io.IOException {
        java.util.Map<String, Double> by = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double sec = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                by.merge(name, sec, Double::sum);
            }
        }
        StringBuilder b = new StringBuilder();
        by.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).limit(8)
                .forEach(e -> b.append(String.format("%s %.2f; ", e.getKey(), e.getValue())));
        return b.toString();
    }

    private static void mark(long[] cpu, long[] wall, int at) {
        cpu[at] = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        wall[at] = System.nanoTime();
    }

    /** umap-learn's sampling schedule, counted: how many positive and negative samples an SGD of these epochs takes. */
    static final class Schedule {
        private Schedule() {}

        static long[] samples(UmapObjective o, int epochs, int negativeRate) {
            float maxW = 0;
            for (int e = 0; e < o.rowStart()[o.n()]; e++) {
                maxW = Math.max(maxW, o.weights()[e]);
            }
            long positive = 0;
            long negative = 0;
            for (int e = 0; e < o.rowStart()[o.n()]; e++) {
                double samples = epochs * ((double) o.weights()[e] / maxW);
                if (samples <= 0) {
                    continue;
                }
                double eps = epochs / samples;
                double epn = negativeRate > 0 ? eps / negativeRate : Double.POSITIVE_INFINITY;
                double next = eps;
                double nextNeg = epn;
                for (int n = 0; n < epochs; n++) {
                    if (next > n) {
                        continue;
                    }
                    positive++;
                    next += eps;
                    int neg = (int) ((n - nextNeg) / epn);
                    negative += neg;
                    nextNeg += neg * epn;
                }
            }
            return new long[] {positive, negative};
        }
    }
}
