package org.umapanim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Checksums;
import org.umapanim.common.Progress;
import org.umapanim.render.FrameSink;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderStage;
import org.umapanim.render.StoredInputs;
import org.umapanim.store.EpochsReader;

/** The render stage: the two Parquet files → one PNG per epoch, intro.png and combined.png. */
final class RenderStep {
    private final FrameOptions look;
    private final ComputeOptions compute;
    private final FolderOptions.DataDir data;
    private final Path framesDir;
    private final Path imagesDir;
    private final Progress progress;
    private String title;
    private String subtitle;
    private StageStamp stamp;
    private List<Path> outputs;

    RenderStep(FrameOptions look, ComputeOptions compute, FolderOptions.DataDir data, Path framesDir, Path imagesDir, Progress progress) {
        this.look = look;
        this.compute = compute;
        this.data = data;
        this.framesDir = framesDir;
        this.imagesDir = imagesDir;
        this.progress = progress;
    }

    /** Fingerprints the inputs (checksums of both Parquet files and the look); call before {@link #run}. */
    StageStamp.State check() {
        int lastEpoch;
        Map<String, String> recorded;
        try (EpochsReader reader = EpochsReader.open(data.epochs())) {
            lastEpoch = reader.lastEpoch();
            recorded = reader.metadata();
        }
        // prepare recorded the data set's own title; an option given here wins
        title = firstNonNull(look.title, recorded.get("title"), RenderOptions.DEFAULT_TITLE);
        subtitle = firstNonNull(look.subtitle, recorded.get("subtitle"), RenderOptions.DEFAULT_SUBTITLE);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put("epochs.sha256", Checksums.sha256(data.epochs()));
        inputs.put("digits.sha256", Checksums.sha256(data.digits()));
        inputs.put("title", title);
        inputs.put("subtitle", subtitle);
        inputs.put("seed", Long.toString(compute.seed));
        inputs.put("last epoch", Integer.toString(lastEpoch));
        stamp = new StageStamp(stampFile(framesDir), inputs);
        outputs = new ArrayList<>();
        for (int epoch = 0; epoch <= lastEpoch; epoch++) {
            outputs.add(RenderStage.framePath(framesDir, epoch));
        }
        outputs.add(imagesDir.resolve("intro.png"));
        outputs.add(imagesDir.resolve("combined.png"));
        return stamp.check(outputs);
    }

    private static Path stampFile(Path framesDir) {
        return framesDir.resolve(".render.stamp");
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
    StepReport run(StageStamp.State state, FrameSink sink) {
        long started = System.nanoTime();
        boolean resume = state != StageStamp.State.STALE;
        stamp.markStarted();
        RenderOptions options = new RenderOptions(title, subtitle, compute.checkedThreads(), compute.seed);
        var summary = new RenderStage(new StoredInputs()).run(data.epochs(), data.digits(), framesDir, imagesDir, options, resume, progress, sink);
        stamp.markComplete(outputs);
        List<Path> shown = List.of(framesDir, imagesDir.resolve("intro.png"), imagesDir.resolve("combined.png"));
        return new StepReport("render", resume ? StepReport.Outcome.RESUMED : StepReport.Outcome.RAN,
                (System.nanoTime() - started) / 1_000_000, shown, String.format("%d frames drawn at %.1f frames/s, %d kept, %d removed",
                        summary.drawn(), summary.framesPerSecond(), summary.kept(), summary.deleted()));
    }

    private static String firstNonNull(String... choices) {
        for (String choice : choices) {
            if (choice != null) {
                return choice;
            }
        }
        throw new IllegalArgumentException("no choice");
    }

    StepReport skipped() {
        return new StepReport("render", StepReport.Outcome.SKIPPED, 0,
                List.of(framesDir, imagesDir.resolve("intro.png"), imagesDir.resolve("combined.png")), "");
    }
}
