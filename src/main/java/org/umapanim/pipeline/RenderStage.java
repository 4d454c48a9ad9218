package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.umapanim.common.Checksums;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.render.FrameRenderer;
import org.umapanim.render.FrameSink;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderSummary;
import org.umapanim.render.RenderedFiles;
import org.umapanim.store.EpochsReader;

/** The render stage: the two Parquet files → one PNG per epoch, intro.png and combined.png. */
final class RenderStage {
    private static final String STAMP = ".render.stamp";
    private final Folders folders;
    private final Progress progress;
    private final EpochsReader epochs;
    private final RenderOptions options;
    private final StageStamp stamp;
    private final String run;
    private final List<Path> outputs = new ArrayList<>();

    /** Opens and checks epochs.parquet, and fingerprints both Parquet files and the look. */
    RenderStage(RenderSettings settings, Folders folders, Progress progress) {
        this.folders = folders;
        this.progress = progress;
        this.epochs = EpochsReader.open(folders.epochs());
        Heading heading = Heading.of(settings.title(), settings.subtitle(), epochs.metadata());
        this.run = RunIdentity.requirePair(folders.epochs(), epochs.metadata(), folders.digits());
        Compute compute = settings.compute();
        this.options = new RenderOptions(heading.title(), heading.subtitle(), compute.threads(), compute.seed());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put(RunIdentity.KEY, Objects.requireNonNullElse(run, "none recorded"));
        inputs.put("epochs.sha256", Checksums.sha256(folders.epochs()));
        inputs.put("digits.sha256", Checksums.sha256(folders.digits()));
        inputs.put("title", heading.title());
        inputs.put("subtitle", heading.subtitle());
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
        Dataset rows = EmbeddedRows.read(folders, epochs);
        stamp.markStarted();
        RenderSummary summary = FrameRenderer.run(epochs, rows, folders.frames(), folders.images(), options, resume,
                progress, sink);
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
        return List.of(folders.frames(), folders.intro(), folders.combined());
    }
}
