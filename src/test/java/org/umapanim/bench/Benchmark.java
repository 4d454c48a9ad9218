package org.umapanim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Metric;
import org.umapanim.knn.NearestNeighbors;
import org.umapanim.knn.SampledRecall;
import org.umapanim.pipeline.Compute;
import org.umapanim.pipeline.EncodeSettings;
import org.umapanim.pipeline.Folders;
import org.umapanim.pipeline.InputSelection;
import org.umapanim.pipeline.Pipeline;
import org.umapanim.pipeline.PrepareSettings;
import org.umapanim.pipeline.RenderSettings;
import org.umapanim.pipeline.StageReport;
import org.umapanim.pipeline.UmapSettings;
import org.umapanim.pipeline.ViewSettings;
import org.umapanim.quality.QualityRecorder;
import org.umapanim.reduce.Hooks;
import org.umapanim.store.EpochsReader;
import org.umapanim.umap.EmbeddingQuality;
import org.umapanim.umap.Umap;
import org.umapanim.umap.UmapParams;
import org.umapanim.umap.UmapReducer;

/**
 * The benchmark behind {@code bench/run}: the real {@code prepare} (then render and encode) on
 * any input, run first thing in a fresh JVM as the command would be, with every second of it
 * accounted for — the JVM's start, each phase the stage reports, and what is left over — then the
 * kNN recall against the exact neighbours of a seeded sample of rows, and the layout's quality
 * read back from epochs.parquet. Machines here are shared and noisy, so read ratios within one
 * run rather than absolute times.
 *
 * <p>Usage: {@code Benchmark [--input FILE | --dataset NAME] [--limit N] [--threads N]
 * [--metric NAME] [--prepare-only] [--measures-cost]}, or the older {@code Benchmark [ROWS [THREADS]]}; the default
 * input is the bundled 10,000 digits, on all cores.
 */
public final class Benchmark {
    /** Rows whose exact neighbours the recall is measured against. */
    private static final int RECALL_SAMPLE = 1000;
    /** Above this many rows the quality is measured on a random subset of this size (trustworthiness is O(n²)). */
    private static final int QUALITY_ROWS = 30_000;

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Options o = Options.parse(args);
        Path dir = Files.createTempDirectory("umap-anim-bench");
        Path movies = dir.resolve("movies");
        Folders folders = new Folders(dir.resolve("data"), dir.resolve("frames"), dir.resolve("images"),
                List.of(movies.resolve("umap.mp4"), movies.resolve("umap.gif")), movies.resolve("umap.html"));
        InputSelection in = InputSelection.DEFAULTS;
        UmapSettings d = UmapSettings.DEFAULTS;
        Compute compute = new Compute(o.threads, PrepareSettings.DEFAULTS.compute().seed());
        PrepareSettings settings = new PrepareSettings(
                new InputSelection(o.input, o.dataset, in.label(), o.limit, in.sample(), in.cacheDir(), in.mirrors()),
                new UmapSettings(d.epochs(), d.neighbors(), d.minDist(), d.spread(), d.learningRate(),
                        d.negativeSampleRate(), d.repulsionStrength(), d.init(), d.pca(), o.metric),
                PrepareSettings.DEFAULTS.stretch(), compute);

        List<StageReport> reports = new ArrayList<>();
        long pipelineStart = System.currentTimeMillis();
        Pipeline pipeline = new Pipeline(folders, Progress.NONE, reports::add, false);
        if (o.prepareOnly) {
            pipeline.prepare(settings);
        } else {
            RenderSettings r = RenderSettings.DEFAULTS;
            RenderSettings look = new RenderSettings("benchmark", "", r.width(), r.height(), r.scale(), r.dot(),
                    r.density(), r.camera(), r.pace(), r.seconds(), r.every(), r.fps(), r.metricsInset(), compute);
            pipeline.all(settings, look, EncodeSettings.DEFAULTS, ViewSettings.DEFAULTS, true);
        }

        Dataset data = DatasetReader.read(folders.data().resolve(Folders.DIGITS), in.label(), 0);
        int n = data.rows();
        int dims = data.cols();
        float[] layout = finalLayout(folders.data().resolve(Folders.EPOCHS));
        Metric metric = Metric.byName(o.metric);
        System.out.printf("umap-anim benchmark: %s, %,d rows × %d columns, %s, %d epochs, %d threads%n",
                o.input != null ? o.input : o.dataset != null ? o.dataset : "bundled MNIST sample", n, dims,
                metric.cliName(), d.epochs(), o.threads);
        System.out.println();
        StageReport prepare = reports.get(0);
        row("JVM start to prepare", pipelineStart - jvmStart, "");
        for (StageReport.Phase p : prepare.phases()) {
            row("  " + p.name(), p.millis(), p.alongside() ? "(alongside the others)" : "");
        }
        row("  other", prepare.otherMillis(), "");
        row("prepare", prepare.millis(), "");
        row("JVM start to end of prepare", pipelineStart - jvmStart + prepare.millis(), "");
        for (StageReport r : reports.subList(1, reports.size())) {
            row(r.stage(), r.millis(), r.detail());
        }
        System.out.println();

        long t = System.nanoTime();
        KnnGraph knn = NearestNeighbors.search(data.values(), n, dims, Math.min(d.neighbors(), n - 1), metric,
                compute.seed(), o.threads, Progress.NONE);
        double recall = SampledRecall.of(knn, data.values(), n, dims, metric, RECALL_SAMPLE, 7);
        System.out.printf("kNN recall of the exact %d-NN    %.4f   (%s, %,d sampled rows; %d ms)%n", knn.k(), recall,
                NearestNeighbors.methodFor(n), Math.min(RECALL_SAMPLE, n), (System.nanoTime() - t) / 1_000_000);

        int[] subset = subset(n, QUALITY_ROWS);
        String of = subset.length < n ? String.format("   (random %,d rows)", subset.length) : "";
        float[] values = rows(data.values(), dims, subset);
        float[] xy = rows(layout, 2, subset);
        System.out.printf("trustworthiness (k=15)          %.4f%s%n",
                EmbeddingQuality.trustworthiness(values, subset.length, dims, xy, 15), of);
        if (data.labelled()) {
            int[] labels = classIndices(data.labels());
            int[] sub = Arrays.stream(subset).map(i -> labels[i]).toArray();
            System.out.printf("10-NN accuracy in 2-D (5-fold)  %.4f%s%n",
                    EmbeddingQuality.knnAccuracy(xy, sub, 10, 5, 0), of);
        }
        if (o.measuresCost) {
            measuresCost(data, compute.threads(), prepare.millis());
        }
        deleteTree(dir);
    }

    /**
     * What the per-epoch measures add to UMAP's fit (the only part of prepare they touch): the fit
     * alone and the fit with a QualityRecorder, alternately, in this JVM after a warm-up pair, the
     * fastest of three each (wall and process CPU time), against the prepare measured above.
     */
    private static void measuresCost(Dataset data, int threads, long prepareMillis) {
        UmapParams params = org.umapanim.umap.TestParams.threads(UmapParams.DEFAULTS, threads);
        long[][] best = {{Long.MAX_VALUE, Long.MAX_VALUE}, {Long.MAX_VALUE, Long.MAX_VALUE}};
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 4; round++) {
            for (int with = 0; with < 2; with++) {
                long cpu = os.getProcessCpuTime();
                long t = System.nanoTime();
                if (with == 1) {
                    try (QualityRecorder measures = new QualityRecorder(data.values(), data.rows(), data.cols(),
                            data.labelled() ? data.labels() : null, params.seed(), threads)) {
                        new UmapReducer(params).fit(data.values(), data.rows(), data.cols(), measures,
                                new Hooks(found -> "", measures::useObjective), Progress.NONE);
                        measures.finish(1, 1);
                    }
                } else {
                    new Umap(params).fit(data.values(), data.rows(), data.cols(), (epoch, xy) -> {}, Progress.NONE);
                }
                if (round > 0) {
                    best[with][0] = Math.min(best[with][0], (System.nanoTime() - t) / 1_000_000);
                    best[with][1] = Math.min(best[with][1], (os.getProcessCpuTime() - cpu) / 1_000_000);
                }
            }
        }
        long added = best[1][0] - best[0][0];
        System.out.printf("measures' cost: UMAP's fit %d ms without, %d ms with (CPU %d ms, %d ms): +%d ms, "
                        + "%.1f %% of prepare's %d ms%n", best[0][0], best[1][0], best[0][1], best[1][1], added,
                100.0 * added / prepareMillis, prepareMillis);
    }

    private static void row(String stage, long millis, String note) {
        System.out.printf("%-30s %9d ms  %s%n", stage, millis, note);
    }

    private static float[] finalLayout(Path epochs) {
        float[][] last = new float[1][];
        EpochsReader.open(epochs).forEachEpoch((epoch, xy) -> last[0] = xy.clone());
        return last[0];
    }

    /** All rows, or a seeded random subset of {@code max} of them in ascending order. */
    private static int[] subset(int n, int max) {
        if (n <= max) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        return new SplittableRandom(11).ints(0, n).distinct().limit(max).sorted().toArray();
    }

    private static float[] rows(float[] values, int width, int[] rows) {
        float[] out = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(values, rows[r] * width, out, r * width, width);
        }
        return out;
    }

    private static int[] classIndices(String[] labels) {
        String[] classes = Arrays.stream(labels).distinct().sorted().toArray(String[]::new);
        return Arrays.stream(labels).mapToInt(l -> Arrays.binarySearch(classes, l)).toArray();
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The command line. */
    private record Options(Path input, String dataset, int limit, int threads, String metric, boolean prepareOnly,
                           boolean measuresCost) {
        static Options parse(String[] args) {
            Path input = null;
            String dataset = null;
            int limit = 0;
            int threads = Runtime.getRuntime().availableProcessors();
            String metric = UmapSettings.DEFAULTS.metric();
            boolean prepareOnly = false;
            boolean measuresCost = false;
            List<String> positional = new ArrayList<>();
            for (int a = 0; a < args.length; a++) {
                switch (args[a]) {
                    case "--input" -> input = Path.of(args[++a]);
                    case "--dataset" -> dataset = args[++a];
                    case "--limit" -> limit = Integer.parseInt(args[++a]);
                    case "--threads" -> threads = Integer.parseInt(args[++a]);
                    case "--metric" -> metric = args[++a];
                    case "--prepare-only" -> prepareOnly = true;
                    case "--measures-cost" -> measuresCost = true;
                    default -> {
                        if (args[a].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[a] + "; usage: bench/run "
                                    + "[--input FILE | --dataset NAME] [--limit N] [--threads N] [--metric NAME] "
                                    + "[--prepare-only] [--measures-cost]  or  bench/run [ROWS [THREADS]]");
                        }
                        positional.add(args[a]);
                    }
                }
            }
            if (positional.size() > 0) {
                limit = Integer.parseInt(positional.get(0));
            }
            if (positional.size() > 1) {
                threads = Integer.parseInt(positional.get(1));
            }
            return new Options(input, dataset, limit, threads, metric, prepareOnly, measuresCost);
        }
    }
}
