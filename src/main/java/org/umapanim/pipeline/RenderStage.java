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
import org.umapanim.render.Timing;
import org.umapanim.store.EpochsReader;

/** The render stage: the two Parquet files → the movie's frames, intro.png and combined.png. */
final class RenderStage {
    private static final String STAMP = ".render.stamp";
    /** The stamp's record of the frame rate the frames were timed for, which encode plays them at. */
    private static final String FPS = "fps";
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
        Compute compute = settings.compute();
        Timing timing = settings.timing();
        this.options = new RenderOptions(title, subtitle, settings.frameSize(), settings.dot(), settings.toCamera(), timing,
                compute.threads(), compute.seed());
        // everything that changes a frame's pixels or the frames' number or timing
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put("epochs.sha256", Checksums.sha256(folders.epochs()));
        inputs.put("digits.sha256", Checksums.sha256(folders.digits()));
        inputs.put("title", title);
        inputs.put("subtitle", subtitle);
        inputs.put("seed", Long.toString(compute.seed()));
        inputs.put("last epoch", Integer.toString(epochs.lastEpoch()));
        inputs.put("size", options.size().width() + "x" + options.size().height());
        inputs.put("scale", Double.toString(options.size().scale()));
        inputs.put("dot", settings.dot() == null ? "auto" : Double.toString(settings.dot()));
        inputs.put("camera", options.camera().cliName());
        inputs.put("pace", timing.pace().cliName());
        inputs.put("duration", timing.seconds() == null ? "auto" : Double.toString(timing.seconds()));
        inputs.put("every", Integer.toString(timing.every()));
        inputs.put(FPS, Integer.toString(timing.fps()));
        this.stamp = new StageStamp(stampFile(folders.frames()), inputs);
        for (int frame = 0; frame < timing.frames(epochs.lastEpoch()); frame++) {
            outputs.add(RenderedFiles.frame(folders.frames(), frame));
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

    /** What the frames in {@code framesDir} were made from, if a render finished there. */
    static String recordedFingerprint(Path framesDir) {
        return StageStamp.completedFingerprint(stampFile(framesDir));
    }

    /** The frame rate the frames in {@code framesDir} were timed for, if a render finished there. */
    static Integer recordedFps(Path framesDir) {
        String fps = StageStamp.completedInput(stampFile(framesDir), FPS);
        try {
            return fps == null ? null : Integer.valueOf(fps);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String fingerprint() {
        return stamp.fingerprint();
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
