package org.umapanim.encode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.FileProblem;

/**
 * One movie being written, frame by frame, to a temporary file beside it that only {@link #finish}
 * renames into place; {@link #close} without finishing deletes it, so an interrupted encode never
 * leaves a broken movie and an existing one survives a failed encode.
 */
abstract class MovieWriter implements AutoCloseable {
    final Path movie;
    final Path tmp;
    final MovieFormat format;
    private boolean done;
    private boolean released;

    MovieWriter(Path movie, MovieFormat format) {
        this.movie = movie;
        this.format = format;
        // FFmpeg creates the file itself, under the temporary name.
        this.tmp = AtomicFiles.temporarySibling(movie);
        if (!Files.isWritable(tmp.getParent())) {
            throw new FileProblem(movie, "cannot write in " + tmp.getParent());
        }
    }

    /** The next frame of the movie, the size the writer was opened with, in the form the movie wants. */
    abstract void add(ImageToFrame picture);

    /** Adds the hold and completes the movie's file; returns frames and held frames. */
    abstract int[] complete();

    /** Appends the hold, completes the file and renames it into place. */
    final EncodeSummary finish(long startNanos) {
        if (done || released) {
            throw new IllegalStateException("the encoder for " + movie + " is already finished or closed");
        }
        try {
            int[] counts = complete();
            Ffmpeg.requireComplete(tmp, format, counts[0] + counts[1], movie);
            AtomicFiles.moveIntoPlace(tmp, movie);
            done = true;
            return new EncodeSummary(movie, format, counts[0], counts[1], Files.size(movie),
                    (System.nanoTime() - startNanos) / 1_000_000);
        } catch (IOException e) {
            throw new FileProblem(movie, "cannot write: " + FileProblem.reason(e), e);
        } finally {
            close();
        }
    }

    /** Without {@link #finish}: abandons the movie and deletes the temporary file. */
    @Override
    public final void close() {
        if (!released) {
            released = true;
            release();
            if (!done) {
                AtomicFiles.deleteQuietly(tmp);
            }
        }
    }

    /** Frees the native encoder (and filters); called once, finished or not. */
    abstract void release();

    /** Starts {@code recorder}, or fails naming the movie; a recorder that fails to start is released. */
    final void start(FFmpegFrameRecorder recorder) {
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            releaseQuietly(recorder);
            AtomicFiles.deleteQuietly(tmp);
            throw new FileProblem(movie, "cannot start the " + format.description() + " encoder: " + Ffmpeg.describe(e), e);
        }
    }

    static void releaseQuietly(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception | RuntimeException ignored) {
            // the encode is being abandoned or is over; the failure that matters is reported elsewhere
        }
    }

    final void record(FFmpegFrameRecorder recorder, Frame frame, int pixelFormat, int index) {
        try {
            recorder.record(frame, pixelFormat);
        } catch (FrameRecorder.Exception e) {
            throw new FileProblem(movie, "cannot encode frame " + index + ": " + Ffmpeg.describe(e), e);
        }
    }

    final void stop(FFmpegFrameRecorder recorder) {
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new FileProblem(movie, "cannot complete the movie: " + Ffmpeg.describe(e), e);
        }
    }
}
