package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.quality.QualityRecorder;
import org.umapanim.quality.QualityRun;
import org.umapanim.reduce.Objective;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsSummary;
import org.umapanim.store.EpochsWriter;
import org.umapanim.store.MetricsWriter;

/**
 * Everything that records a run as its layouts arrive, as one listener: the epochs writer, the
 * measures, and digits.parquet, which starts at step 0. Each file goes to its staged place in the
 * run's batch.
 *
 * <p>digits.parquet does not depend on the embedding: it is written while the reducer optimises,
 * once the kNN (which wants every core) and the initial layout are done. Written alongside the kNN
 * it took a core from it (MNIST 10k: kNN 1.9 s instead of 1.0 s).
 */
final class RunRecorders implements EpochListener, AutoCloseable {
    private final AtomicFiles.Batch set;
    private final Folders folders;
    private final Dataset data;
    private final Map<String, String> footer;
    private final EpochsWriter epochs;
    private final QualityRecorder measures;
    private CompletableFuture<Long> digits;
    private long waitedMillis;
    private boolean closed;

    /** What was recorded, and the time its parts took. */
    record Recorded(QualityRun quality, long epochsMillis, long digitsMillis, long waitedMillis) {}

    RunRecorders(AtomicFiles.Batch set, Folders folders, Dataset data, int steps, boolean stretch,
                 Map<String, String> footer, Compute compute) {
        this.set = set;
        this.folders = folders;
        this.data = data;
        this.footer = footer;
        this.epochs = new EpochsWriter(set.staged(folders.epochs()), data.labelColumn(), data.labels(), data.classes(),
                steps, stretch, footer);
        try {
            this.measures = new QualityRecorder(data.values(), data.rows(), data.cols(),
                    data.labelled() ? data.labels() : null, compute.seed(), compute.threads());
        } catch (RuntimeException e) {
            epochs.close();
            throw e;
        }
    }

    /** The reducer's objective, for the measured loss. */
    void useObjective(Objective objective) {
        measures.useObjective(objective);
    }

    @Override
    public void onEpoch(int epoch, float[] xy) {
        if (epoch == 0) {
            Path file = set.staged(folders.digits());
            digits = CompletableFuture.supplyAsync(() -> {
                long t = System.nanoTime();
                DigitsWriter.write(file, data, footer);
                return millisSince(t);
            });
        }
        epochs.onEpoch(epoch, xy);
        measures.onEpoch(epoch, xy);
    }

    /** Writes epochs.parquet and then metrics.parquet, whose motion is in epochs.parquet's units. */
    Recorded finish(Progress progress) {
        long t = System.nanoTime();
        EpochsSummary written = epochs.finish(progress);
        long epochsMillis = millisSince(t);
        QualityRun quality = measures.finish(written.normalisation().scaleX(), written.normalisation().scaleY());
        MetricsWriter.write(set.staged(folders.metrics()), quality, footer);
        close();
        return new Recorded(quality, epochsMillis, digitsMillis(), waitedMillis);
    }

    /** Stops the measures and the writer and waits for digits.parquet, once; rethrows its failure. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (EpochsWriter e = epochs; QualityRecorder m = measures) {
            // closed in reverse order, as when they were opened together
        } finally {
            if (digits != null) {
                long t = System.nanoTime();
                try {
                    digits.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                } finally {
                    waitedMillis = millisSince(t);
                }
            }
        }
    }

    private long digitsMillis() {
        return digits == null ? 0 : digits.join();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
