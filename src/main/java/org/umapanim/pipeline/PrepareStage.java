package org.umapanim.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.quality.QualityRecorder;
import org.umapanim.quality.QualityRun;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsSummary;
import org.umapanim.store.EpochsWriter;
import org.umapanim.store.MetricsWriter;
import org.umapanim.umap.SampledRecall;
import org.umapanim.umap.Umap;
import org.umapanim.umap.UmapObjective;
import org.umapanim.umap.UmapParams;
import org.umapanim.umap.UmapResult;

/** The prepare stage: data set → UMAP → digits.parquet, epochs.parquet and metrics.parquet. */
final class PrepareStage {
    private static final String STAMP = ".prepare.stamp";

    private final PrepareSettings settings;
    private final Folders folders;
    private final Progress progress;
    private final boolean verbose;

    /** @param verbose also report what UMAP did (its figures) and the peak memory */
    PrepareStage(PrepareSettings settings, Folders folders, Progress progress, boolean verbose) {
        this.settings = settings;
        this.folders = folders;
        this.progress = progress;
        this.verbose = verbose;
    }

    StageReport run(boolean skipWhenUpToDate) {
        long started = System.nanoTime();
        UmapParams params = settings.umapParams();
        InputData input = InputData.load(settings, progress);
        Dataset data = input.dataset();
        long loaded = System.nanoTime();

        // --verbose: the kNN's recall on a sample of rows (each costs a pass over the data) and the
        // size of the graph, caught as UMAP hands them out
        double[] recall = {Double.NaN};
        UmapObjective[] objective = {null};
        Umap umap = new Umap(params);
        if (verbose) {
            umap = umap.withNeighboursListener(found -> recall[0] = SampledRecall.of(found.graph(), found.rows(),
                    data.rows(), found.d(), found.metric(), RECALL_SAMPLE, params.seed()));
        }
        umap.check(data.rows(), data.cols());
        Map<String, String> metadata = metadata(input, params);
        StageStamp stamp = new StageStamp(folders.data().resolve(STAMP), fingerprintInputs(metadata));
        List<Path> outputs = List.of(folders.digits(), folders.epochs(), folders.metrics());
        String detail = String.format("%,d rows × %d columns, %d epochs", data.rows(), data.cols(), params.nEpochs());
        if (skipWhenUpToDate && stamp.check(outputs) == StageStamp.State.COMPLETE) {
            return new StageReport("prepare", StageReport.Outcome.SKIPPED, 0, outputs, detail);
        }

        stamp.markStarted();
        // The files are one set: all are written aside and renamed into place together, so a run
        // that fails leaves the old set whole, and each carries the run's identity.
        QualityRun quality;
        UmapResult fit;
        long writeEpochs;
        long[] digitsMillis = {0};
        long waited;
        try (AtomicFiles.Batch set = AtomicFiles.Batch.in(folders.data())) {
            // digits.parquet does not depend on the embedding: it is written while the SGD runs, once
            // the kNN (which wants every core) and the initial layout are done. Written alongside the
            // kNN it took a core from it (MNIST 10k: kNN 1.9 s instead of 1.0 s).
            List<CompletableFuture<Void>> digits = new ArrayList<>(1);
            try (EpochsWriter epochs = new EpochsWriter(set.staged(folders.epochs()), data.labelColumn(),
                    data.labels(), params.nEpochs(), settings.stretch(), metadata);
                 QualityRecorder measures = new QualityRecorder(data.values(), data.rows(), data.cols(),
                         data.labelled() ? data.labels() : null, params.seed(), params.threads())) {
                fit = umap.withObjectiveListener(o -> {
                    objective[0] = o;
                    measures.useObjective(o);
                }).fit(data.values(), data.rows(),
                        data.cols(), (epoch, xy) -> {
                            if (epoch == 0) {
                                digits.add(CompletableFuture.runAsync(() -> {
                                    long t = System.nanoTime();
                                    DigitsWriter.write(set.staged(folders.digits()), data, metadata);
                                    digitsMillis[0] = millisSince(t);
                                }));
                            }
                            epochs.onEpoch(epoch, xy);
                            measures.onEpoch(epoch, xy);
                        }, progress);
                long t = System.nanoTime();
                EpochsSummary written = epochs.finish(progress);
                writeEpochs = millisSince(t);
                // the motion is measured in epochs.parquet's units, known only now that it is written
                quality = measures.finish(written.normalisation().scaleX(), written.normalisation().scaleY());
                MetricsWriter.write(set.staged(folders.metrics()), quality, metadata);
            } finally {
                long t = System.nanoTime();
                digits.forEach(PrepareStage::awaitDigits);
                waited = millisSince(t);
            }
            set.commit(outputs);
        }
        stamp.markComplete(outputs);
        List<StageReport.Phase> phases = new ArrayList<>();
        phases.add(new StageReport.Phase("load", (loaded - started) / 1_000_000, false));
        if (params.pca() > 0) {
            phases.add(new StageReport.Phase("PCA", fit.pcaMillis(), false));
        }
        phases.addAll(List.of(
                new StageReport.Phase("kNN", fit.knnMillis(), false),
                new StageReport.Phase("graph", fit.graphMillis(), false),
                new StageReport.Phase("init", fit.initMillis(), false),
                new StageReport.Phase("SGD", fit.optimiseMillis(), false),
                new StageReport.Phase("epochs.parquet", writeEpochs, false),
                new StageReport.Phase("digits.parquet", digitsMillis[0], true),
                new StageReport.Phase("waiting for digits.parquet", waited, false)));
        List<String> notes = new ArrayList<>(List.of(figures(quality.last())));
        if (verbose) {
            notes.add(umapFigures(fit, objective[0], recall[0], params));
            notes.add(PeakMemory.describe());
        }
        return new StageReport("prepare", StageReport.Outcome.RAN, millisSince(started), outputs, detail, notes,
                phases);
    }

    /** Rows whose exact neighbours {@code --verbose}'s recall estimate compares against. */
    private static final int RECALL_SAMPLE = 100;

    /**
     * What UMAP did, for {@code --verbose}: "UMAP: kNN nn-descent, 15 neighbours (euclidean), recall
     * 0.99 on 100 sampled rows; graph 123,456 edges, 1 component; init spectral; a 1.577, b 0.895".
     */
    static String umapFigures(UmapResult fit, UmapObjective objective, double recall, UmapParams params) {
        String pca = params.pca() > 0 ? String.format(Locale.ROOT, "PCA to %d columns; ", params.pca()) : "";
        return String.format(Locale.ROOT, "UMAP: %skNN %s, %d neighbours (%s), recall %.3f on %d sampled rows; "
                        + "graph %,d edges, %d component%s; init %s; a %.3f, b %.3f",
                pca, fit.knnMethod().name().toLowerCase(Locale.ROOT).replace('_', '-'), fit.nNeighbors(),
                params.metric().cliName(), recall, RECALL_SAMPLE, objective.edges(), fit.components(),
                fit.components() == 1 ? "" : "s", fit.initMethod(), objective.a(), objective.b());
    }

    /** The final layout's measures in one line: "trustworthiness 0.958 · neighbours kept 0.41 · 10-NN accuracy 0.94". */
    static String figures(EpochMeasures last) {
        String line = String.format(Locale.ROOT, "trustworthiness %.3f · neighbours kept %.2f",
                last.trustworthiness(), last.neighbourPreservation());
        return Double.isNaN(last.labelAccuracy()) ? line
                : line + String.format(Locale.ROOT, " · 10-NN accuracy %.2f", last.labelAccuracy());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void awaitDigits(CompletableFuture<Void> digits) {
        try {
            digits.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** What is recorded in every Parquet footer, so a file says how it was made. */
    private Map<String, String> metadata(InputData input, UmapParams p) {
        Dataset data = input.dataset();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("umap-anim.version", Version.current());
        m.put(RunIdentity.KEY, RunIdentity.fresh());
        m.put("dataset.name", data.name());
        m.put("dataset.sha256", data.sha256());
        m.put("dataset.rows", Integer.toString(data.rows()));
        m.put("dataset.selection", input.selection());
        if (data.matrix() != null) {
            m.put("dataset.matrix", data.matrix());
        }
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
        inputs.remove(RunIdentity.KEY);
        inputs.remove("umap.threads");
        return inputs;
    }
}
