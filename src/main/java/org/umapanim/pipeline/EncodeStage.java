package org.umapanim.pipeline;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.encode.EncodeOptions;
import org.umapanim.encode.EncodeSummary;
import org.umapanim.encode.MovieEncoder;
import org.umapanim.encode.MovieFormat;
import org.umapanim.render.FrameSink;

/**
 * The encode stage: frames → the movies (MP4, WebM, GIF, by their names). Each movie has its own
 * stamp holding only the settings that change it, so a new {@code --crf} re-encodes the MP4 and
 * leaves a GIF alone; the movies that need making are made together from one pass over the frames.
 */
final class EncodeStage {
    private final EncodeOptions options;
    private final Progress progress;
    private final Path frames;
    private final Map<Path, StageStamp> stamps = new LinkedHashMap<>();
    private final boolean framesKnown;

    /**
     * @param fps               the frame rate the movies play at
     * @param framesFingerprint what the frames were made from (the render stamp's fingerprint), or
     *                          null for frames of unknown origin (made by hand)
     * @param run               the prepare run the frames were drawn from, or null if unknown
     */
    EncodeStage(EncodeSettings settings, int fps, Folders folders, Progress progress,
                String framesFingerprint, String run) {
        this.options = settings.encodeOptions(fps);
        this.progress = progress;
        this.frames = folders.frames();
        for (Path movie : folders.movies()) {
            MovieFormat format = MovieFormat.of(movie);
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("umap-anim.version", Version.current());
            inputs.put(RunIdentity.KEY, run == null ? "unknown" : run);
            inputs.put("frames", framesFingerprint == null ? "unknown" : framesFingerprint);
            inputs.put("format", format.description());
            inputs.put("fps", Integer.toString(fps));
            inputs.put("hold", Double.toString(settings.hold()));
            if (format == MovieFormat.MP4) {
                inputs.put("crf", Integer.toString(settings.crf()));
                inputs.put("preset", settings.preset());
            } else if (format == MovieFormat.GIF) {
                inputs.put("gif width", Integer.toString(settings.gifWidth()));
                inputs.put("gif fps", Integer.toString(settings.gifFps()));
            }
            stamps.put(movie, new StageStamp(Folders.movieDir(movie).resolve("." + movie.getFileName() + ".stamp"), inputs));
        }
        this.framesKnown = framesFingerprint != null;
    }

    /** The movies not made from these frames with these settings, or changed since. */
    List<Path> stale() {
        List<Path> stale = new ArrayList<>();
        stamps.forEach((movie, stamp) -> {
            if (!framesKnown || stamp.check(List.of(movie)) != StageStamp.State.COMPLETE) {
                stale.add(movie);
            }
        });
        return stale;
    }

    /** Encodes the PNGs in the frames folder into {@code movies}, decoding each once. */
    StageReport runFromFrames(List<Path> movies) {
        long started = System.nanoTime();
        movies.forEach(m -> stamps.get(m).markStarted());
        List<EncodeSummary> summaries = MovieEncoder.encodeFolder(frames, movies, options, progress);
        return done(summaries, (System.nanoTime() - started) / 1_000_000, "");
    }

    /**
     * A sink that encodes frames into every movie as render hands them over, so {@code all} does not
     * decode the PNGs it has just written. {@link InMemory#finish()} completes the movies.
     */
    InMemory inMemory() {
        stamps.values().forEach(StageStamp::markStarted);
        return new InMemory();
    }

    private StageReport done(List<EncodeSummary> summaries, long millis, String how) {
        List<String> details = new ArrayList<>();
        List<Path> movies = new ArrayList<>();
        for (EncodeSummary s : summaries) {
            stamps.get(s.movie()).markComplete(List.of(s.movie()));
            movies.add(s.movie());
            details.add(String.format("%s, %d frames + %.1f s hold", s.format().description(), s.frames(),
                    options.holdSeconds()));
        }
        return new StageReport("encode", StageReport.Outcome.RAN, millis, movies, String.join("; ", details) + how);
    }

    final class InMemory implements FrameSink, AutoCloseable {
        private MovieEncoder encoder;

        @Override
        public void accept(int frameNumber, BufferedImage frame) {
            if (encoder == null) {
                encoder = MovieEncoder.open(List.copyOf(stamps.keySet()), frame.getWidth(), frame.getHeight(), options);
            }
            encoder.add(frame);
        }

        StageReport finish() {
            if (encoder == null) {
                throw new IllegalStateException("render handed no frames to the encoder");
            }
            // the frames were encoded while render drew them; only the end is the encoder's own time
            long started = System.nanoTime();
            List<EncodeSummary> summaries = encoder.finish();
            return done(summaries, (System.nanoTime() - started) / 1_000_000, ", encoded alongside render");
        }

        @Override
        public void close() {
            if (encoder != null) {
                encoder.close();
            }
        }
    }

    StageReport skipped() {
        return new StageReport("encode", StageReport.Outcome.SKIPPED, 0, List.copyOf(stamps.keySet()), "");
    }
}
