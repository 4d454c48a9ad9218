package org.umapanim.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.render.FrameRenderer;
import org.umapanim.render.FrameSink;
import org.umapanim.render.MetricsChart;
import org.umapanim.render.MetricsInset;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderSummary;
import org.umapanim.render.RenderedFiles;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.MetricsReader;

/**
 * The render stage: the Parquet files → one PNG per epoch, intro.png, combined.png and, when
 * prepare measured the run (metrics.parquet), metrics.png and optionally a chart in every frame.
 */
final class RenderStage {
    private static final String STAMP = ".render.stamp";
    /** For an epochs file that records no title (one another tool wrote). */
    private static final String PLAIN_TITLE = "Data embedded into two dimensions by UMAP";
    private static final String PLAIN_SUBTITLE = "Each point is a row of the data";

    private final RenderSettings settings;
    private final Folders folders;
    private final Progress progress;
    private final EpochsReader epochs;
    private final RenderOptions options;
    private final StageStamp stamp;
    private final List<Path> outputs = new ArrayList<>();
    /** The run's measures, or null when prepare wrote none (a data folder from before they existed). */
    private final MetricsReader.Metrics metrics;

    /** Opens and checks epochs.parquet (and metrics.parquet), and fingerprints the Parquet files and the look. */
    RenderStage(RenderSettings settings, Folders folders, Progress progress) {
        this.settings = settings;
        this.folders = folders;
        this.progress = progress;
        this.epochs = EpochsReader.open(folders.epochs());
        Map<String, String> recorded = epochs.metadata();
        // prepare recorded the data set's own title; an option given here wins
        String title = Objects.requireNonNullElse(settings.title(), recorded.getOrDefault("title", PLAIN_TITLE));
        String subtitle = Objects.requireNonNullElse(settings.subtitle(), recorded.getOrDefault("subtitle", PLAIN_SUBTITLE));
        Compute compute = settings.compute();
        this.options = new RenderOptions(title, subtitle, compute.threads(), compute.seed());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put("epochs.sha256", Checksums.sha256(folders.epochs()));
        inputs.put("digits.sha256", Checksums.sha256(folders.digits()));
        inputs.put("title", title);
        inputs.put("subtitle", subtitle);
        inputs.put("seed", Long.toString(compute.seed()));
        inputs.put("last epoch", Integer.toString(epochs.lastEpoch()));
        this.metrics = readMetrics(settings.metricsInset());
        if (metrics != null) {
            inputs.put("metrics.sha256", Checksums.sha256(folders.metrics()));
            inputs.put("metrics inset", Boolean.toString(settings.metricsInset()));
        }
        this.stamp = new StageStamp(stampFile(folders.frames()), inputs);
        for (int epoch = 0; epoch <= epochs.lastEpoch(); epoch++) {
            outputs.add(RenderedFiles.frame(folders.frames(), epoch));
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
        if (read.lastEpoch() != epochs.lastEpoch()) {
            throw new FileProblem(file, "ends at epoch " + read.lastEpoch() + " but " + folders.epochs().getFileName()
                    + " at epoch " + epochs.lastEpoch() + "; they come from different runs (run prepare again)");
        }
        return read;
    }

    StageStamp.State state() {
        return stamp.check(outputs);
    }

    private static Path stampFile(Path framesDir) {
        return framesDir.resolve(STAMP);
    }

    /** What the frames in {@code framesDir} were made from, if a render finished there. */
    static String recordedFingerprint(Path framesDir) {
        return StageStamp.completedFingerprint(stampFile(framesDir));
    }

    String fingerprint() {
        return stamp.fingerprint();
    }

    /**
     * Draws the frames: all of them when the inputs changed, only the missing ones when an
     * earlier run with the same inputs was interrupted. {@code sink} (may be null) gets every
     * frame in epoch order.
     */
    StageReport run(StageStamp.State state, FrameSink sink) {
        long started = System.nanoTime();
        boolean resume = state != StageStamp.State.STALE;
        Dataset rows = readRows();
        stamp.markStarted();
        MetricsInset inset = settings.metricsInset() ? new MetricsInset(metrics.epochs()) : null;
        RenderSummary summary = FrameRenderer.run(epochs, rows, folders.frames(), folders.images(), options, resume,
                progress, sink, inset);
        if (metrics != null) {
            MetricsChart.write(metrics.epochs(), folders.metricsChart());
        }
        stamp.markComplete(outputs);
        return new StageReport("render", resume ? StageReport.Outcome.RESUMED : StageReport.Outcome.RAN,
                (System.nanoTime() - started) / 1_000_000, shown(), String.format(
                        "%d frames drawn at %.1f frames/s, %d kept, %d removed",
                        summary.drawn(), summary.framesPerSecond(), summary.kept(), summary.deleted()));
    }

    /** The embedded rows, which must be the epochs' points one for one. */
    private Dataset readRows() {
        Path digits = folders.digits();
        String labelColumn = epochs.labelColumn();
        Dataset rows = DatasetReader.read(digits, labelColumn == null ? "none" : labelColumn, epochs.points());
        if (rows.rows() != epochs.points()) {
            throw new FileProblem(digits, "has " + rows.rows() + " rows but " + folders.epochs().getFileName()
                    + " has " + epochs.points() + " points; they come from different runs (run prepare again)");
        }
        return rows;
    }

    StageReport skipped() {
        return new StageReport("render", StageReport.Outcome.SKIPPED, 0, shown(), "");
    }

    private List<Path> shown() {
        return metrics == null ? List.of(folders.frames(), folders.intro(), folders.combined())
                : List.of(folders.frames(), folders.intro(), folders.combined(), folders.metricsChart());
    }
}
