package org.umapanim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.encode.EncodeOptions;
import org.umapanim.encode.EncodeStage;
import org.umapanim.encode.EncodeSummary;
import org.umapanim.encode.MovieEncoder;
import org.umapanim.render.FrameSink;

/** The encode stage: frames → movies/umap.mp4 (H.264). */
final class EncodeStep {
    private final MovieOptions options;
    private final Path framesDir;
    private final Path movie;
    private final boolean verbose;
    private final Progress progress;
    private StageStamp stamp;

    EncodeStep(MovieOptions options, Path framesDir, Path movie, boolean verbose, Progress progress) {
        this.options = options;
        this.framesDir = framesDir;
        this.movie = movie;
        this.verbose = verbose;
        this.progress = progress;
    }

    /** @param framesFingerprint what the frames were made from (the render stamp), or null if unknown */
    StageStamp.State check(String framesFingerprint) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put("frames", framesFingerprint == null ? "unknown" : framesFingerprint);
        inputs.put("fps", Integer.toString(options.fps));
        inputs.put("crf", Integer.toString(options.crf));
        inputs.put("preset", options.preset);
        inputs.put("hold", Double.toString(options.hold));
        Path dir = movie.toAbsolutePath().getParent();
        stamp = new StageStamp(dir.resolve("." + movie.getFileName() + ".stamp"), inputs);
        return framesFingerprint == null ? StageStamp.State.STALE : stamp.check(List.of(movie));
    }

    private EncodeOptions encodeOptions() {
        return new EncodeOptions(options.fps, options.crf, options.preset, options.hold, verbose);
    }

    /** Encodes the PNGs in the frames folder. */
    StepReport runFromFrames() {
        stamp.markStarted();
        EncodeSummary summary = EncodeStage.encodeDirectory(framesDir, movie, encodeOptions(), progress);
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

    private StepReport done(EncodeSummary summary, long millis, String how) {
        stamp.markComplete(List.of(movie));
        return new StepReport("encode", StepReport.Outcome.RAN, millis, List.of(movie), String.format(
                "%d frames + %d to hold the last, H.264%s", summary.frames(), summary.heldFrames(), how));
    }

    final class InMemory implements FrameSink, AutoCloseable {
        private MovieEncoder encoder;

        @Override
        public void accept(int epoch, java.awt.image.BufferedImage frame) {
            if (encoder == null) {
                encoder = MovieEncoder.open(movie, frame.getWidth(), frame.getHeight(), encodeOptions());
            }
            encoder.add(frame);
        }

        StepReport finish() {
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

    StepReport skipped() {
        return new StepReport("encode", StepReport.Outcome.SKIPPED, 0, List.of(movie), "");
    }

}
