package org.umapanim.pipeline;

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
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderSummary;
import org.umapanim.render.RenderedFiles;
import org.umapanim.store.EpochsReader;

/** The render stage: the two Parquet files → one PNG per epoch, intro.png and combined.png. */
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
    private final String run;
    private final List<Path> outputs = new ArrayList<>();

    /** Opens and checks epochs.parquet, and fingerprints both Parquet files and the look. */
    RenderStage(RenderSettings settings, Folders folders, Progress progress) {
        this.settings = settings;
        this.folders = folders;
        this.progress = progress;
        this.epochs = EpochsReader.open(folders.epochs());
        Map<String, String> recorded = epochs.metadata();
        // prepare recorded the data set's own title; an option given here wins
        String title = Objects.requireNonNullElse(settings.title(), recorded.getOrDefault("title", PLAIN_TITLE));
        String subtitle = Objects.requireNonNullElse(settings.subtitle(), recorded.getOrDefault("subtitle", PLAIN_SUBTITLE));
        this.run = RunIdentity.requirePair(folders.epochs(), recorded, folders.digits());
        Compute compute = settings.compute();
        this.options = new RenderOptions(title, subtitle, compute.threads(), compute.seed());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put(RunIdentity.KEY, Objects.requireNonNullElse(run, "none recorded"));
        inputs.put("epochs.sha256", Checksums.sha256(folders.epochs()));
        inputs.put("digits.sha256", Checksums.sha256(folders.digits()));
        inputs.put("title", title);
        inputs.put("subtitle", subtitle);
        inputs.put("seed", Long.toString(compute.seed()));
        inputs.put("last epoch", Integer.toString(epochs.lastEpoch()));
        this.stamp = new StageStamp(stampFile(folders.frames()), inputs);
        for (int epoch = 0; epoch <= epochs.lastEpoch(); epoch++) {
            outputs.add(RenderedFiles.frame(folders.frames(), epoch));
        }
        outputs.add(folders.intro());
        outputs.add(folders.combined());
    }

    StageStamp.State state() {
        return stamp.check(outputs);
    }

    private static Path stampFile(Path framesDir) {
        return framesDir.resolve(STAMP);
    }

    /** What the last render in {@code framesDir} recorded: whether it finished, and from what. */
    static StageStamp.Recorded recorded(Path framesDir) {
        return StageStamp.recorded(stampFile(framesDir));
    }

    String fingerprint() {
        return stamp.fingerprint();
    }

    /** The prepare run the frames are drawn from, or null for files without one. */
    String run() {
        return run;
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
        RenderSummary summary = FrameRenderer.run(epochs, rows, folders.frames(), folders.images(), options, resume,
                progress, sink);
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
        return List.of(folders.frames(), folders.intro(), folders.combined());
    }
}
