package org.umapanim.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsWriter;
import org.umapanim.umap.Umap;
import org.umapanim.umap.UmapParams;
import org.umapanim.umap.UmapResult;

/** The prepare stage: data set → UMAP → digits.parquet and epochs.parquet. */
final class PrepareStage {
    private static final String STAMP = ".prepare.stamp";

    private final PrepareSettings settings;
    private final Folders folders;
    private final Progress progress;

    PrepareStage(PrepareSettings settings, Folders folders, Progress progress) {
        this.settings = settings;
        this.folders = folders;
        this.progress = progress;
    }

    StageReport run(boolean skipWhenUpToDate) {
        long started = System.nanoTime();
        UmapParams params = settings.umapParams();
        InputData input = InputData.load(settings, progress);
        Dataset data = input.dataset();
        long loaded = System.nanoTime();

        Map<String, String> metadata = metadata(input, params);
        StageStamp stamp = new StageStamp(folders.data().resolve(STAMP), fingerprintInputs(metadata, params));
        List<Path> outputs = List.of(folders.digits(), folders.epochs());
        String detail = String.format("%,d rows × %d columns, %d epochs", data.rows(), data.cols(), params.nEpochs());
        if (skipWhenUpToDate && stamp.check(outputs) == StageStamp.State.COMPLETE) {
            return new StageReport("prepare", StageReport.Outcome.SKIPPED, 0, outputs, detail);
        }

        stamp.markStarted();
        EpochsWriter epochs = new EpochsWriter(
                folders.epochs(), data.labelColumn(), data.labels(), params.nEpochs(), settings.stretch(), metadata);
        // digits.parquet does not depend on the embedding: it is written while the SGD runs, once the
        // kNN (which wants every core) and the initial layout are done, so data UMAP refuses leave
        // the outputs as they were. Written alongside the kNN it took a core from it (MNIST 10k: kNN
        // 1.9 s instead of 1.0 s).
        List<CompletableFuture<Long>> digits = new ArrayList<>(1);
        EpochListener listener = (epoch, xy) -> {
            if (epoch == 0) {
                digits.add(CompletableFuture.supplyAsync(() -> {
                    long t = System.nanoTime();
                    DigitsWriter.write(folders.digits(), data, metadata);
                    return millisSince(t);
                }));
            }
            epochs.onEpoch(epoch, xy);
        };
        UmapResult fit;
        long writeEpochs;
        long digitsMillis = 0;
        long waited;
        try {
            fit = new Umap(params).fit(data.values(), data.rows(), data.cols(), listener, progress);
            long t = System.nanoTime();
            epochs.finish(progress);
            writeEpochs = millisSince(t);
        } finally {
            long t = System.nanoTime();
            for (CompletableFuture<Long> written : digits) {
                digitsMillis = awaitDigits(written);
            }
            waited = millisSince(t);
        }
        stamp.markComplete(outputs);
        List<StageReport.Phase> phases = List.of(
                new StageReport.Phase("load", (loaded - started) / 1_000_000, false),
                new StageReport.Phase("kNN", fit.knnMillis(), false),
                new StageReport.Phase("graph", fit.graphMillis(), false),
                new StageReport.Phase("init", fit.initMillis(), false),
                new StageReport.Phase("SGD", fit.optimiseMillis(), false),
                new StageReport.Phase("epochs.parquet", writeEpochs, false),
                new StageReport.Phase("digits.parquet", digitsMillis, true),
                new StageReport.Phase("waiting for digits.parquet", waited, false));
        return new StageReport("prepare", StageReport.Outcome.RAN, millisSince(started), outputs, detail, phases);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long awaitDigits(CompletableFuture<Long> digits) {
        try {
            return digits.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** What is recorded in both Parquet footers, so a file says how it was made. */
    private Map<String, String> metadata(InputData input, UmapParams p) {
        Dataset data = input.dataset();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("umap-anim.version", Version.current());
        m.put("dataset.name", data.name());
        m.put("dataset.sha256", data.sha256());
        m.put("dataset.rows", Integer.toString(data.rows()));
        m.put("dataset.selection", input.selection());
        m.put("title", input.title());
        m.put("subtitle", input.subtitle());
        m.put("umap.n_neighbors", Integer.toString(p.nNeighbors()));
        m.put("umap.min_dist", Double.toString(p.minDist()));
        m.put("umap.spread", Double.toString(p.spread()));
        m.put("umap.n_epochs", Integer.toString(p.nEpochs()));
        m.put("umap.learning_rate", Double.toString(p.learningRate()));
        m.put("umap.repulsion_strength", Double.toString(p.repulsionStrength()));
        m.put("umap.negative_sample_rate", Integer.toString(p.negativeSampleRate()));
        m.put("umap.metric", p.metric().cliName());
        m.put("umap.seed", Long.toString(p.seed()));
        m.put("umap.sgd", p.parallelSgd() ? "parallel (Hogwild, " + p.threads() + " threads, not reproducible)" : "deterministic");
        m.put("umap.threads", Integer.toString(p.threads()));
        m.put("normalisation", settings.stretch() ? "stretch" : "aspect");
        m.put("created", Instant.now().toString());
        return m;
    }

    /**
     * Everything that changes the outputs. The creation time does not, nor does the thread count
     * unless the SGD is the parallel one: the deterministic engine gives the same layout on any.
     */
    private static Map<String, String> fingerprintInputs(Map<String, String> metadata, UmapParams p) {
        Map<String, String> inputs = new LinkedHashMap<>(metadata);
        inputs.remove("created");
        if (!p.parallelSgd()) {
            inputs.remove("umap.threads");
        }
        return inputs;
    }
}
