package org.umapanim.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.knn.SampledRecall;
import org.umapanim.reduce.Fit;
import org.umapanim.reduce.FoundNeighbours;
import org.umapanim.reduce.Hooks;
import org.umapanim.reduce.Reducer;

/** The prepare stage: data set → reducer → digits.parquet, epochs.parquet and metrics.parquet. */
final class PrepareStage {
    private static final String STAMP = ".prepare.stamp";
    /** Rows whose exact neighbours {@code --verbose}'s recall estimate compares against. */
    private static final int RECALL_SAMPLE = 100;

    private final PrepareSettings settings;
    private final Folders folders;
    private final Progress progress;
    private final boolean verbose;

    /** @param verbose also report what the reducer did (its figures) and the peak memory */
    PrepareStage(PrepareSettings settings, Folders folders, Progress progress, boolean verbose) {
        this.settings = settings;
        this.folders = folders;
        this.progress = progress;
        this.verbose = verbose;
    }

    StageReport run(boolean skipWhenUpToDate) {
        long started = System.nanoTime();
        Reducer reducer = settings.reducer().reducer(settings.compute());
        InputData input = InputData.load(settings.input(), settings.compute().seed(), progress);
        Dataset data = input.dataset();
        long loaded = System.nanoTime();

        input.checkFor(reducer);
        Map<String, String> footer = RunFooter.of(input, reducer, settings, RunIdentity.fresh(), Instant.now());
        StageStamp stamp = new StageStamp(folders.data().resolve(STAMP), RunFooter.fingerprintInputs(footer));
        List<Path> outputs = List.of(folders.digits(), folders.epochs(), folders.metrics());
        String detail = String.format("%,d rows × %d columns, %d %ss", data.rows(), data.cols(), reducer.steps(),
                reducer.stepWord());
        if (skipWhenUpToDate && stamp.check(outputs) == StageStamp.State.COMPLETE) {
            return new StageReport("prepare", StageReport.Outcome.SKIPPED, 0, outputs, detail);
        }

        stamp.markStarted();
        // The files are one set: all are written aside and renamed into place together, so a run
        // that fails leaves the old set whole, and each carries the run's identity.
        Fit fit;
        RunRecorders.Recorded recorded;
        try (AtomicFiles.Batch set = AtomicFiles.Batch.in(folders.data())) {
            try (RunRecorders recorders = new RunRecorders(set, folders, data, reducer.steps(), settings.stretch(),
                    footer, settings.compute())) {
                fit = reducer.fit(data.values(), data.rows(), data.cols(), recorders,
                        new Hooks(verbose ? this::recall : found -> "", recorders::useObjective), progress);
                recorded = recorders.finish(progress);
            }
            set.commit(outputs);
        }
        stamp.markComplete(outputs);
        List<String> verboseNotes = verbose ? List.of(fit.description(), PeakMemory.describe()) : List.of();
        return PrepareReport.ran(millisSince(started), outputs, detail, (loaded - started) / 1_000_000, fit, recorded,
                verboseNotes);
    }

    /** {@code --verbose}: the kNN's recall on a sample of rows (each costs a pass over the data). */
    private String recall(FoundNeighbours found) {
        double recall = SampledRecall.of(found.graph(), found.rows(), found.graph().n(), found.d(), found.metric(),
                RECALL_SAMPLE, settings.compute().seed());
        return String.format(Locale.ROOT, "recall %.3f on %d sampled rows", recall, RECALL_SAMPLE);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
