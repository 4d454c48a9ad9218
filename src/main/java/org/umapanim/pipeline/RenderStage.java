package org.umapanim.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.render.FrameRenderer;
import org.umapanim.render.FrameSink;
import org.umapanim.render.MetricsChart;
import org.umapanim.render.MetricsInset;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderSummary;
import org.umapanim.render.RenderedFiles;
import org.umapanim.render.Timing;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.MetricsReader;

/**
 * The render stage: the Parquet files → the movie's frames, intro.png, combined.png and, when
 * prepare measured the run (metrics.parquet), metrics.png and optionally a chart in every frame.
 */
final class RenderStage {
    private static final String STAMP = ".render.stamp";
    /** The stamp's record of the frame rate the frames were timed for, which encode plays them at. */
    private static final String FPS = "fps";

    private final RenderSettings settings;
    private final Folders folders;
    private final Progress progress;
    private final EpochsReader epochs;
    private final RenderOptions options;
    private final StageStamp stamp;
    /** digits.parquet's SHA-256, found once for the stamp and reused when the rows are read. */
    private final String digitsSha256;
    private final String run;
    private final List<Path> outputs = new ArrayList<>();
    /** The run's measures, or null when prepare wrote none (a data folder from before they existed). */
    private final MetricsReader.Metrics metrics;

    /** Opens and checks epochs.parquet (and metrics.parquet), and fingerprints the Parquet files and the look. */
    RenderStage(RenderSettings settings, Folders folders, Progress progress) {
        this.settings = settings;
        this.folders = folders;
        this.progress = progress;
        this.epochs = EpochsReader.open(folders.epochs());
        Heading heading = Heading.of(settings.title(), settings.subtitle(), epochs.metadata());
        this.run = RunIdentity.requirePair(folders.epochs(), epochs.metadata(), folders.digits());
        Compute compute = settings.compute();
        Timing timing = settings.timing();
        this.options = new RenderOptions(heading.title(), heading.subtitle(), settings.frameSize(), settings.dot(),
                settings.toDensity(), settings.toCamera(), timing, compute.threads(), compute.seed());
        // everything that changes a frame's pixels or the frames' number or timing
        Map<String, String> inputs = StageStamp.preparedInputs(folders, run, heading);
        this.digitsSha256 = inputs.get(StageStamp.DIGITS_SHA256);
        inputs.put("seed", Long.toString(compute.seed()));
        inputs.put("last epoch", Integer.toString(epochs.lastEpoch()));
        inputs.put("size", options.size().width() + "x" + options.size().height());
        inputs.put("scale", Double.toString(options.size().scale()));
        inputs.put("dot", settings.dot() == null ? "auto" : Double.toString(settings.dot()));
        inputs.put("density", options.density().cliName());
        inputs.put("camera", options.camera().cliName());
        inputs.put("pace", timing.pace().cliName());
        inputs.put("duration", timing.seconds() == null ? "auto" : Double.toString(timing.seconds()));
        inputs.put("every", Integer.toString(timing.every()));
        inputs.put(FPS, Integer.toString(timing.fps()));
        this.metrics = readMetrics(settings.metricsInset());
        if (metrics != null) {
            inputs.put("metrics.sha256", Checksums.sha256(folders.metrics()));
            inputs.put("metrics inset", Boolean.toString(settings.metricsInset()));
        }
        this.stamp = new StageStamp(stampFile(folders.frames()), inputs);
        for (int frame = 0; frame < timing.frames(epochs.lastEpoch()); frame++) {
            outputs.add(RenderedFiles.frame(folders.frames(), frame));
        }
        outputs.add(folders.intro());
        outputs.add(folders.combined());
        if (metrics != null) {
            outputs.add(folders.metricsChart());
        }
    }

    /** metrics.parquet, if there is one; it must be there for the inset and belong to these epochs. */
    private MetricsReader.Metrics readMetrics(boolean needed) {
        Path file = folders.metrics();
        if (!Files.exists(file)) {
            if (needed) {
                throw new FileProblem(file, "does not exist, and --metrics-inset draws from it (run prepare again)");
            }
            return null;
        }
        MetricsReader.Metrics read = MetricsReader.read(file);
        RunIdentity.requireSameRun(file, read.metadata(), folders.epochs(), run);
        if (read.lastEpoch() != epochs.lastEpoch()) {
            throw new FileProblem(file, "ends at epoch " + read.lastEpoch() + " but " + folders.epochs().getFileName()
                    + " at epoch " + epochs.lastEpoch() + "; they come from different runs (run prepare again)");
        }
        return read;
    }

    StageStamp.State state() {
        return stamp.check(outputs);
    }

    static Path stampFile(Path framesDir) {
        return framesDir.resolve(STAMP);
    }

    /** What the last render in {@code framesDir} recorded: whether it finished, and from what. */
    static StageStamp.Recorded recorded(Path framesDir) {
        return StageStamp.recorded(stampFile(framesDir));
    }

    /** The frame rate finished frames were timed for, if their stamp records one. */
    static Integer recordedFps(StageStamp.Recorded frames) {
        String fps = frames.complete() ? frames.inputs().get(FPS) : null;
        try {
            return fps == null ? null : Integer.valueOf(fps);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String fingerprint() {
        return stamp.fingerprint();
    }

    /** The prepare run the frames are drawn from, or null for files without one. */
    String run() {
        return run;
    }

    /** The frame rate the frames are timed for. */
    int fps() {
        return options.timing().fps();
    }

    /**
     * Draws the frames: all of them when the inputs changed, only the missing ones when an
     * earlier run with the same inputs was interrupted. {@code sink} (may be null) gets every
     * frame in epoch order.
     */
    StageReport run(StageStamp.State state, FrameSink sink) {
        long started = System.nanoTime();
        boolean resume = state != StageStamp.State.STALE;
        Dataset rows = EmbeddedRows.read(folders, epochs, digitsSha256);
        stamp.markStarted();
        MetricsInset inset = settings.metricsInset() ? new MetricsInset(metrics.epochs(), metrics.phases()) : null;
        RenderSummary summary = FrameRenderer.run(epochs, rows, folders.frames(), folders.images(), options, resume,
                progress, sink, inset);
        if (metrics != null) {
            MetricsChart.write(metrics.epochs(), metrics.reducer().step(), metrics.phases(), folders.metricsChart());
        }
        stamp.markComplete(outputs);
        return new StageReport("render", resume ? StageReport.Outcome.RESUMED : StageReport.Outcome.RAN,
                (System.nanoTime() - started) / 1_000_000, shown(), String.format(
                        "%d frames drawn at %.1f frames/s, %d kept, %d removed",
                        summary.drawn(), summary.framesPerSecond(), summary.kept(), summary.deleted()));
    }

    StageReport skipped() {
        return new StageReport("render", StageReport.Outcome.SKIPPED, 0, shown(), "");
    }

    private List<Path> shown() {
        return metrics == null ? List.of(folders.frames(), folders.intro(), folders.combined())
                : List.of(folders.frames(), folders.intro(), folders.combined(), folders.metricsChart());
    }
}
