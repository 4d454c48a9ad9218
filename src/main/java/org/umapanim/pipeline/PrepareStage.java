package org.umapanim.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsWriter;
import org.umapanim.umap.Umap;
import org.umapanim.umap.UmapParams;

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

        Umap umap = new Umap(params);
        umap.check(data.rows(), data.cols());
        Map<String, String> metadata = metadata(input, params);
        StageStamp stamp = new StageStamp(folders.data().resolve(STAMP), fingerprintInputs(metadata));
        List<Path> outputs = List.of(folders.digits(), folders.epochs());
        String detail = String.format("%,d rows × %d columns, %d epochs", data.rows(), data.cols(), params.nEpochs());
        if (skipWhenUpToDate && stamp.check(outputs) == StageStamp.State.COMPLETE) {
            return new StageReport("prepare", StageReport.Outcome.SKIPPED, 0, outputs, detail);
        }

        stamp.markStarted();
        // digits.parquet does not depend on the embedding: write it while UMAP runs
        CompletableFuture<Void> digits = CompletableFuture.runAsync(() -> DigitsWriter.write(folders.digits(), data, metadata));
        EpochsWriter epochs = new EpochsWriter(
                folders.epochs(), data.labelColumn(), data.labels(), params.nEpochs(), settings.stretch(), metadata);
        try {
            umap.fit(data.values(), data.rows(), data.cols(), epochs, progress);
            epochs.finish(progress);
        } finally {
            awaitDigits(digits);
        }
        stamp.markComplete(outputs);
        return new StageReport("prepare", StageReport.Outcome.RAN, (System.nanoTime() - started) / 1_000_000, outputs, detail);
    }

    private static void awaitDigits(CompletableFuture<Void> digits) {
        try {
            digits.join();
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
        m.put("umap.metric", "euclidean");
        m.put("umap.init", p.init().toString());
        m.put("umap.pca", p.pca() > 0 ? Integer.toString(p.pca()) : "none");
        m.put("umap.seed", Long.toString(p.seed()));
        // one SGD now; the key tells these files from those of the one-thread sweep (value "deterministic")
        m.put("umap.sgd", "colour phases, the same on any number of threads");
        m.put("umap.threads", Integer.toString(p.threads()));
        m.put("normalisation", settings.stretch() ? "stretch" : "aspect");
        m.put("created", Instant.now().toString());
        return m;
    }

    /**
     * Everything that changes the outputs. The creation time does not, nor does the thread count:
     * the engine gives the same layout on any.
     */
    private static Map<String, String> fingerprintInputs(Map<String, String> metadata) {
        Map<String, String> inputs = new LinkedHashMap<>(metadata);
        inputs.remove("created");
        inputs.remove("umap.threads");
        return inputs;
    }
}
