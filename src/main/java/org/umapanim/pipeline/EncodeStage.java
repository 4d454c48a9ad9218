package org.umapanim.pipeline;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.encode.EncodeOptions;
import org.umapanim.encode.EncodeSummary;
import org.umapanim.encode.MovieEncoder;
import org.umapanim.render.FrameSink;

/** The encode stage: frames → movies/umap.mp4 (H.264). */
final class EncodeStage {
    private final EncodeOptions options;
    private final Folders folders;
    private final Progress progress;
    private final StageStamp stamp;
    private final boolean framesKnown;

    /**
     * @param framesFingerprint what the frames were made from (the render stamp's fingerprint), or
     *                          null for frames of unknown origin (made by hand)
     * @param run               the prepare run the frames were drawn from, or null if unknown
     */
    EncodeStage(EncodeSettings settings, Folders folders, boolean verbose, Progress progress, String framesFingerprint,
                String run) {
        this.options = settings.encodeOptions(verbose);
        this.folders = folders;
        this.progress = progress;
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put(RunIdentity.KEY, run == null ? "unknown" : run);
        inputs.put("frames", framesFingerprint == null ? "unknown" : framesFingerprint);
        inputs.put("fps", Integer.toString(settings.fps()));
        inputs.put("crf", Integer.toString(settings.crf()));
        inputs.put("preset", settings.preset());
        inputs.put("hold", Double.toString(settings.hold()));
        Path movie = folders.movie();
        this.stamp = new StageStamp(folders.movieDir().resolve("." + movie.getFileName() + ".stamp"), inputs);
        this.framesKnown = framesFingerprint != null;
    }

    StageStamp.State state() {
        return framesKnown ? stamp.check(List.of(folders.movie())) : StageStamp.State.STALE;
    }

    /** Encodes the PNGs in the frames folder. */
    StageReport runFromFrames() {
        stamp.markStarted();
        EncodeSummary summary = MovieEncoder.encodeFolder(folders.frames(), folders.movie(), options, progress);
        return done(summary, summary.millis(), "");
    }

    /**
     * A sink that encodes frames as render hands them over, so {@code all} does not decode the
     * PNGs it has just written. {@link InMemory#finish()} completes the movie.
     */
    InMemory inMemory() {
        stamp.markStarted();
        return new InMemory();
    }

    private StageReport done(EncodeSummary summary, long millis, String how) {
        stamp.markComplete(List.of(folders.movie()));
        return new StageReport("encode", StageReport.Outcome.RAN, millis, List.of(folders.movie()), String.format(
                "%d frames + %d to hold the last, H.264%s", summary.frames(), summary.heldFrames(), how));
    }

    final class InMemory implements FrameSink, AutoCloseable {
        private MovieEncoder encoder;

        @Override
        public void accept(int epoch, BufferedImage frame) {
            if (encoder == null) {
                encoder = MovieEncoder.open(folders.movie(), frame.getWidth(), frame.getHeight(), options);
            }
            encoder.add(frame);
        }

        StageReport finish() {
            if (encoder == null) {
                throw new IllegalStateException("render handed no frames to the encoder");
            }
            // the frames were encoded while render drew them; only the end is the encoder's own time
            long started = System.nanoTime();
            EncodeSummary summary = encoder.finish();
            return done(summary, (System.nanoTime() - started) / 1_000_000, ", encoded alongside render");
        }

        @Override
        public void close() {
            if (encoder != null) {
                encoder.close();
            }
        }
    }

    StageReport skipped() {
        return new StageReport("encode", StageReport.Outcome.SKIPPED, 0, List.of(folders.movie()), "");
    }
}
