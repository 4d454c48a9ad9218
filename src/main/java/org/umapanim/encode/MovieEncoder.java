package org.umapanim.encode;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;

/**
 * Encodes pictures, in order, into one or more movies at once, each in the format its name asks
 * for ({@link MovieFormat}): every picture is converted once (to RGB24, {@link ImageToFrame}) and
 * handed to every movie. Each movie is written to a temporary file and renamed into place by
 * {@link #finish()}; closing without finishing deletes them.
 */
public final class MovieEncoder implements AutoCloseable {
    /** PNGs decoded ahead of the encoders: enough to hide a slow file, few enough to stay small. */
    private static final int DECODE_AHEAD = 4;

    private final List<MovieWriter> writers;
    private final ImageToFrame images;
    private final long startNanos;
    private boolean done;

    private MovieEncoder(List<MovieWriter> writers, ImageToFrame images, long startNanos) {
        this.writers = writers;
        this.images = images;
        this.startNanos = startNanos;
    }

    /**
     * Starts the movies (each named once), of {@code width}×{@code height} frames; MP4 and WebM pad
     * odd sides with black to even ones, which yuv420p needs.
     */
    public static MovieEncoder open(List<Path> movies, int width, int height, EncodeOptions o) {
        long start = System.nanoTime();
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (movies.isEmpty()) {
            throw new IllegalArgumentException("no movie to encode");
        }
        Ffmpeg.quiet();
        ImageToFrame images = new ImageToFrame(width, height);
        List<MovieWriter> writers = new ArrayList<>();
        try {
            for (Path movie : movies) {
                MovieFormat format = MovieFormat.of(movie);
                writers.add(format == MovieFormat.GIF
                        ? GifWriter.open(movie, width, height, images.evenWidth(), images.evenHeight(), o)
                        : VideoWriter.open(movie, format, images.evenWidth(), images.evenHeight(), o));
            }
        } catch (RuntimeException e) {
            writers.forEach(MovieWriter::close);
            images.close();
            throw e;
        }
        return new MovieEncoder(writers, images, start);
    }

    /**
     * Encodes {@code framesDir}'s numbered frames ({@link FrameSequence}) into {@code movies}. The
     * frames must be a gap-free sequence of one size; a bad one is a {@link FileProblem} naming it,
     * and leaves any existing movie untouched. The PNGs are decoded on a thread of their own, a few
     * frames ahead of the encoders.
     */
    public static List<EncodeSummary> encodeFolder(Path framesDir, List<Path> movies, EncodeOptions o,
                                                   Progress progress) {
        FrameSequence frames = FrameSequence.scan(framesDir);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "decode-frames");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<PngDecoder.Picture>> ahead = new ArrayDeque<>();
        PngDecoder[] decoder = {null};
        try (MovieEncoder encoder = open(movies, frames.width(), frames.height(), o);
             Progress.Task task = progress.start("encoding", frames.files().size())) {
            int next = 0;
            for (Path file : frames.files()) {
                while (next < frames.files().size() && ahead.size() < DECODE_AHEAD) {
                    Path f = frames.files().get(next++);
                    ahead.add(reader.submit(() -> {
                        if (decoder[0] == null) {
                            decoder[0] = new PngDecoder();
                        }
                        return decoder[0].decode(f);
                    }));
                }
                PngDecoder.Picture picture = await(ahead.poll(), file);
                try {
                    if (picture.frame() != null) {
                        encoder.images.take(picture.frame());
                        try {
                            encoder.addConverted();
                        } finally {
                            encoder.images.release();
                        }
                    } else {
                        encoder.add(picture.image());
                    }
                } finally {
                    PngDecoder.free(picture);
                }
                task.step();
            }
            return encoder.finish();
        } finally {
            for (Future<PngDecoder.Picture> f : ahead) {
                f.cancel(false);   // those not started never run
            }
            // one thread, in order: the decoder is closed after the decode under way, on its own thread
            reader.submit(() -> {
                if (decoder[0] != null) {
                    decoder[0].close();
                }
            });
            reader.shutdown();
            awaitTermination(reader);
            ahead.forEach(MovieEncoder::freeIfDecoded);
        }
    }

    /** Frees a picture decoded ahead that no encoder took (the encode failed). */
    private static void freeIfDecoded(Future<PngDecoder.Picture> f) {
        if (f.isDone() && !f.isCancelled()) {
            try {
                PngDecoder.free(f.get());
            } catch (ExecutionException | InterruptedException ignored) {
                // nothing was decoded; the failure that ended the encode is the one reported
            }
        }
    }

    private static void awaitTermination(ExecutorService reader) {
        try {
            reader.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PngDecoder.Picture await(Future<PngDecoder.Picture> picture, Path file) {
        try {
            return picture.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new FileProblem(file, "cannot read: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileProblem(file, "interrupted while reading the frame", e);
        }
    }

    /**
     * Encodes the next frame; it must have the size the movies were opened with. The pixels are
     * copied before this returns, so the caller may draw the next frame into the same image.
     */
    public void add(BufferedImage frame) {
        requireOpen();
        images.convert(frame);
        addConverted();
    }

    private void addConverted() {
        for (MovieWriter w : writers) {
            w.add(images);
        }
    }

    /** Appends the holds, completes the files and renames them into place. */
    public List<EncodeSummary> finish() {
        requireOpen();
        try {
            List<EncodeSummary> summaries = new ArrayList<>();
            for (MovieWriter w : writers) {
                summaries.add(w.finish(startNanos));
            }
            return summaries;
        } finally {
            close();
        }
    }

    /** Without {@link #finish()}: abandons the movies not yet finished and deletes their temporary files. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            writers.forEach(MovieWriter::close);
            images.close();
        }
    }

    private void requireOpen() {
        if (done) {
            throw new IllegalStateException("the encoder for " + writers.stream().map(w -> w.movie).toList()
                    + " is already finished or closed");
        }
    }
}
