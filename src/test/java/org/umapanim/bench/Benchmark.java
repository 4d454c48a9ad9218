package org.umapanim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.encode.EncodeOptions;
import org.umapanim.encode.EncodeSummary;
import org.umapanim.encode.MovieEncoder;
import org.umapanim.render.FrameRenderer;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderSummary;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.EpochsSummary;
import org.umapanim.store.EpochsWriter;
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

        t = System.nanoTime();
        RenderOptions look = new RenderOptions("benchmark", "", threads, params.seed());
        RenderSummary rendered = FrameRenderer.run(EpochsReader.open(dir.resolve("epochs.parquet")), data,
                dir.resolve("frames"), dir.resolve("images"), look, false, Progress.NONE, null);
        long render = since(t);

        t = System.nanoTime();
        EncodeSummary movie = MovieEncoder.encodeFolder(dir.resolve("frames"), dir.resolve("umap.mp4"),
                EncodeOptions.DEFAULTS, Progress.NONE);
        long encode = since(t);

        t = System.nanoTime();
        KnnGraph exact = NearestNeighbors.exact(data.values(), n, d, params.nNeighbors(), params.metric(), threads, Progress.NONE);
        long exactKnn = since(t);
        KnnGraph used = NearestNeighbors.search(data.values(), n, d, params.nNeighbors(), params.metric(), params.seed(), threads, Progress.NONE);
        double recall = NearestNeighbors.recall(used, exact);

        int[] labels = classIndices(data.labels());
        double trust = EmbeddingQuality.trustworthiness(data.values(), n, d, fit.layout(), 15);
        double accuracy = EmbeddingQuality.knnAccuracy(fit.layout(), labels, 10, 5, 0);

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
        row("encode (" + movie.movieFrames() + " frames)", encode);
        row("all three stages", prepare + render + encode);
        System.out.println();
        System.out.printf("kNN recall of the exact 15-NN   %.4f   (exact kNN took %d ms)%n", recall, exactKnn);
        System.out.printf("trustworthiness (k=15)          %.4f%n", trust);
        System.out.printf("10-NN accuracy in 2-D (5-fold)  %.4f%n", accuracy);
        System.out.printf("render speed                    %.1f frames/s%n", rendered.framesPerSecond());
        System.out.printf("epochs.parquet                  %.1f MB, %,d rows%n", written.bytes() / 1e6, written.rows());
        System.out.printf("movie                           %.2f MB%n", movie.bytes() / 1e6);
        deleteTree(dir);
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
