package org.umapanim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.encode.EncodeOptions;
import org.umapanim.encode.EncodeSummary;
import org.umapanim.encode.MovieEncoder;
import org.umapanim.render.Camera;
import org.umapanim.quality.QualityRecorder;
import org.umapanim.quality.QualityRun;
import org.umapanim.render.FrameRenderer;
import org.umapanim.render.FrameSize;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderSummary;
import org.umapanim.render.Timing;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.EpochsSummary;
import org.umapanim.store.EpochsWriter;
import org.umapanim.store.MetricsWriter;
import org.umapanim.umap.EmbeddingQuality;
import org.umapanim.umap.KnnGraph;
import org.umapanim.umap.NearestNeighbors;
import org.umapanim.umap.TestParams;
import org.umapanim.umap.Umap;
import org.umapanim.umap.UmapParams;
import org.umapanim.umap.UmapResult;

/**
 * The benchmark behind {@code bench/run}: every stage of the pipeline on the bundled digits, its
 * time, the kNN recall against the exact neighbours and the layout's quality. Machines here are
 * shared and noisy, so read ratios within one run rather than absolute times.
 *
 * <p>The cost of the per-epoch measures (issue 15: at most 10 % of prepare) is measured by
 * running prepare's work — digits.parquet written beside the fit, the fit, epochs.parquet —
 * without and with them, three times each, alternating, and taking the fastest of each.
 *
 * <p>Usage: {@code Benchmark [ROWS [THREADS]]} (default: all 10,000 rows, all cores).
 */
public final class Benchmark {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("umap-anim-bench");
        UmapParams params = TestParams.threads(UmapParams.DEFAULTS, threads);

        long t = System.nanoTime();
        Dataset data = DatasetReader.bundled(rows);
        long load = since(t);
        int n = data.rows();
        int d = data.cols();
        System.out.printf("umap-anim benchmark: %,d rows × %d columns, %d epochs, %d threads%n", n, d, params.nEpochs(), threads);

        t = System.nanoTime();
        DigitsWriter.write(dir.resolve("digits.parquet"), data, Map.of());
        long writeDigits = since(t);

        EpochsWriter epochs = new EpochsWriter(dir.resolve("epochs.parquet"), data.labelColumn(), data.labels(),
                params.nEpochs(), false, Map.of());
        long[] listener = {0};
        UmapResult fit = new Umap(params).fit(data.values(), n, d, (epoch, layout) -> {
            long l0 = System.nanoTime();
            epochs.onEpoch(epoch, layout);
            listener[0] += System.nanoTime() - l0;
        }, Progress.NONE);
        t = System.nanoTime();
        EpochsSummary written = epochs.finish();
        long writeEpochs = since(t);

        // the default movie (follow camera, motion pacing), then the same at 1920x1080
        t = System.nanoTime();
        RenderOptions look = new RenderOptions("benchmark", "", FrameSize.DEFAULT, null, Camera.DEFAULT,
                Timing.DEFAULT, threads, params.seed());
        RenderSummary rendered = FrameRenderer.run(EpochsReader.open(dir.resolve("epochs.parquet")), data,
                dir.resolve("frames"), dir.resolve("images"), look, false, Progress.NONE, null);
        long render = since(t);
        RenderOptions hd = new RenderOptions("benchmark", "", new FrameSize(1920, 1080, 1), null, Camera.DEFAULT,
                Timing.DEFAULT, threads, params.seed());
        RenderSummary renderedHd = FrameRenderer.run(EpochsReader.open(dir.resolve("epochs.parquet")), data,
                dir.resolve("frames-hd"), dir.resolve("images-hd"), hd, false, Progress.NONE, null);

        t = System.nanoTime();
        EncodeSummary movie = MovieEncoder.encodeFolder(dir.resolve("frames"), List.of(dir.resolve("umap.mp4")),
                EncodeOptions.DEFAULTS, Progress.NONE).get(0);
        long encode = since(t);
        t = System.nanoTime();
        EncodeSummary gif = MovieEncoder.encodeFolder(dir.resolve("frames"), List.of(dir.resolve("umap.gif")),
                EncodeOptions.DEFAULTS, Progress.NONE).get(0);
        long encodeGif = since(t);

        t = System.nanoTime();
        KnnGraph exact = NearestNeighbors.exact(data.values(), n, d, params.nNeighbors(), threads, Progress.NONE);
        long exactKnn = since(t);
        KnnGraph used = NearestNeighbors.search(data.values(), n, d, params.nNeighbors(), params.seed(), threads, Progress.NONE);
        double recall = NearestNeighbors.recall(used, exact);

        int[] labels = classIndices(data.labels());
        double trust = EmbeddingQuality.trustworthiness(data.values(), n, d, fit.layout(), 15);
        double accuracy = EmbeddingQuality.knnAccuracy(fit.layout(), labels, 10, 5, 0);

        // prepare without and with the measures, alternating, the fastest of three each; process
        // CPU time beside the wall time, since the measures run on a core the SGD leaves idle
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] wall = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] cpu = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] waited = {Long.MAX_VALUE};
        QualityRun measured = null;
        for (int rep = 0; rep < 3; rep++) {
            for (int with = 0; with < 2; with++) {
                long c = os.getProcessCpuTime();
                t = System.nanoTime();
                QualityRun run = prepare(data, params, dir, with == 1, waited);
                wall[with] = Math.min(wall[with], since(t));
                cpu[with] = Math.min(cpu[with], (os.getProcessCpuTime() - c) / 1_000_000);
                measured = with == 1 ? run : measured;
            }
        }

        long prepare = load + writeDigits + fit.totalMillis() + writeEpochs;
        System.out.println();
        System.out.printf("%-28s %9s%n", "stage", "ms");
        row("load (bundled IDX)", load);
        row("kNN (" + fit.knnMethod() + ")", fit.knnMillis());
        row("graph", fit.graphMillis());
        row("init (" + fit.initMethod() + ", " + fit.components() + " components)", fit.initMillis());
        row("optimise (" + params.nEpochs() + " epochs)", fit.optimiseMillis());
        row("  of which epoch listener", listener[0] / 1_000_000);
        row("write digits.parquet", writeDigits);
        row("write epochs.parquet", writeEpochs);
        row("prepare, total", prepare);
        row("render (" + rendered.drawn() + " frames)", render);
        row("encode MP4 (" + movie.movieFrames() + " frames)", encode);
        row("encode GIF (" + gif.movieFrames() + " frames)", encodeGif);
        row("all three stages", prepare + render + encode);
        System.out.println();
        System.out.printf("kNN recall of the exact 15-NN   %.4f   (exact kNN took %d ms)%n", recall, exactKnn);
        System.out.printf("trustworthiness (k=15)          %.4f%n", trust);
        System.out.printf("10-NN accuracy in 2-D (5-fold)  %.4f%n", accuracy);
        System.out.printf("render speed                    %.1f frames/s at 1100x800, %.1f at 1920x1080%n",
                rendered.framesPerSecond(), renderedHd.framesPerSecond());
        System.out.printf("epochs.parquet                  %.1f MB, %,d rows%n", written.bytes() / 1e6, written.rows());
        System.out.printf("movie                           %.2f MB MP4, %.2f MB GIF%n", movie.bytes() / 1e6, gif.bytes() / 1e6);
        System.out.println();
        System.out.printf("prepare without the measures    %d ms (CPU %d ms)%n", wall[0], cpu[0]);
        System.out.printf("prepare with the measures       %d ms (CPU %d ms): %+.1f %% time, %+.1f %% CPU%n", wall[1], cpu[1],
                100.0 * (wall[1] - wall[0]) / wall[0], 100.0 * (cpu[1] - cpu[0]) / cpu[0]);
        System.out.printf("  of which waiting for them     %d ms (after epochs.parquet is written)%n", waited[0]);
        System.out.printf("measured at the last epoch      trustworthiness %.4f, 10-NN accuracy %.4f (samples of %d and %d points)%n",
                measured.last().trustworthiness(), measured.last().labelAccuracy(), measured.method().highDSample(),
                measured.method().planarSample());
        deleteTree(dir);
    }

    /** prepare's work as PrepareStage does it, with or without the quality measures and metrics.parquet. */
    /** @param waited the least time spent waiting for the measures once epochs.parquet was written, updated */
    private static QualityRun prepare(Dataset data, UmapParams params, Path dir, boolean measures, long[] waited)
            throws Exception {
        Map<String, String> metadata = Map.of("umap-anim.version", "benchmark");
        var digits = java.util.concurrent.CompletableFuture.runAsync(
                () -> DigitsWriter.write(dir.resolve("digits.parquet"), data, metadata));
        EpochsWriter epochs = new EpochsWriter(dir.resolve("epochs.parquet"), data.labelColumn(), data.labels(),
                params.nEpochs(), false, metadata);
        // a null resource is allowed: without the measures there is nothing to close
        try (QualityRecorder recorder = measures ? new QualityRecorder(data.values(), data.rows(), data.cols(),
                data.labels(), params.seed()) : null) {
            Umap umap = measures ? new Umap(params).withObjectiveListener(recorder::useObjective) : new Umap(params);
            umap.fit(data.values(), data.rows(), data.cols(), (epoch, xy) -> {
                epochs.onEpoch(epoch, xy);
                if (measures) {
                    recorder.onEpoch(epoch, xy);
                }
            }, Progress.NONE);
            EpochsSummary written = epochs.finish();
            QualityRun run = null;
            if (measures) {
                long t = System.nanoTime();
                run = recorder.finish(written.normalisation().scaleX(), written.normalisation().scaleY());
                waited[0] = Math.min(waited[0], since(t));
                MetricsWriter.write(dir.resolve("metrics.parquet"), run, metadata);
            }
            digits.get();
            return run;
        }
    }

    private static long since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void row(String stage, long millis) {
        System.out.printf("%-28s %9d%n", stage, millis);
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
}
