package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;

/**
 * Encodes BufferedImages, in order, into an H.264 MP4 (libx264, yuv420p, constant quality,
 * {@code +faststart}). The movie is written to a temporary file beside its target and only
 * renamed into place by {@link #finish()}; closing without finishing deletes it, so an
 * interrupted encode never leaves a broken movie, and an existing one survives a failed encode.
 */
public final class MovieEncoder implements AutoCloseable {
    private static final String ENCODER = "libx264";

    private final Path movie;
    private final Path tmp;
    private final EncodeOptions options;
    private final ImageToFrame images;
    private final FFmpegFrameRecorder recorder;
    private final long startNanos;
    private int frames;
    private boolean done;

    private MovieEncoder(Path movie, Path tmp, EncodeOptions options, ImageToFrame images,
                         FFmpegFrameRecorder recorder, long startNanos) {
        this.movie = movie;
        this.tmp = tmp;
        this.options = options;
        this.images = images;
        this.recorder = recorder;
        this.startNanos = startNanos;
    }

    /**
     * Starts a movie of {@code width}×{@code height} frames; odd sides are padded with black to
     * even ones, which yuv420p needs.
     */
    public static MovieEncoder open(Path movie, int width, int height, EncodeOptions o) {
        long start = System.nanoTime();
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        Ffmpeg.setLogging(o.verbose());
        Ffmpeg.requireEncoder(ENCODER, movie);

        // FFmpeg creates the file itself, under the temporary name.
        Path tmp = AtomicFiles.temporarySibling(movie);
        if (!Files.isWritable(tmp.getParent())) {
            throw new FileProblem(movie, "cannot write in " + tmp.getParent());
        }
        ImageToFrame images = new ImageToFrame(width, height);
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(tmp.toString(), images.evenWidth(), images.evenHeight(), 0);
        // The temporary name has no .mp4 extension for FFmpeg to guess from.
        recorder.setFormat("mp4");
        recorder.setVideoCodecName(ENCODER);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        // Without ACCURATE_RND swscale takes a shortcut for 3-byte BGR (PNGs as ImageIO reads
        // them) that samples chroma differently from int RGB (what the renderer draws), so
        // `encode` and `all` would make different movies from the same frames.
        recorder.setImageScalingFlags(SWS_BILINEAR | SWS_ACCURATE_RND);
        recorder.setFrameRate(o.fps());
        // JavaCV's default 400 kb/s would otherwise be stored as the stream's nominal bitrate.
        recorder.setVideoBitrate(0);
        recorder.setVideoOption("crf", Integer.toString(o.crf()));
        recorder.setVideoOption("preset", o.preset());
        // JavaCV asks for constrained baseline by default; High is what ffmpeg's CLI gives and
        // compresses better (B-frames, CABAC). Every browser plays it.
        recorder.setVideoOption("profile", "high");
        // swscale converts RGB to YUV with BT.601 limited-range coefficients; say so, otherwise
        // players guess BT.709 for HD sizes and shift every colour of the palette.
        recorder.setVideoOption("colorspace", "smpte170m");
        recorder.setVideoOption("color_range", "tv");
        // A muxer option, not a codec one: the index goes to the front so browsers can stream.
        recorder.setOption("movflags", "+faststart");
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            releaseQuietly(recorder);
            AtomicFiles.deleteQuietly(tmp);
            throw new FileProblem(movie, "cannot start the H.264 encoder: " + Ffmpeg.describe(e), e);
        }
        return new MovieEncoder(movie, tmp, o, images, recorder, start);
    }

    /**
     * Encodes {@code framesDir}'s numbered frames ({@link FrameSequence}) into {@code movie}. The
     * frames must be a gap-free sequence of one size; a bad one is a {@link FileProblem} naming it,
     * and leaves any existing movie untouched.
     */
    public static EncodeSummary encodeFolder(Path framesDir, Path movie, EncodeOptions o, Progress progress) {
        FrameSequence frames = FrameSequence.scan(framesDir);
        try (MovieEncoder encoder = open(movie, frames.width(), frames.height(), o);
             Progress.Task task = progress.start("encoding", frames.files().size())) {
            for (Path file : frames.files()) {
                encoder.add(readPng(file));
                task.step();
            }
            return encoder.finish();
        }
    }

    private static BufferedImage readPng(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new FileProblem(file, "not a PNG image");
            }
            return image;
        } catch (IOException e) {
            throw new FileProblem(file, "unreadable PNG: " + e.getMessage(), e);
        }
    }

    /**
     * Encodes the next frame; it must have the size the movie was opened with. The pixels are
     * copied before this returns, so the caller may draw the next frame into the same image.
     */
    public void add(BufferedImage frame) {
        requireOpen();
        images.convert(frame);
        record();
        frames++;
    }

    /** Appends the hold, completes the file and renames it into place. */
    public EncodeSummary finish() {
        requireOpen();
        if (frames == 0) {
            throw new IllegalStateException("no frames were added to " + movie);
        }
        int held = options.holdFrames();
        for (int i = 0; i < held; i++) {
            // The frame buffer still holds the last image: no conversion needed.
            record();
        }
        try {
            recorder.stop();
            Ffmpeg.requireFrames(tmp, frames + held, movie);
            AtomicFiles.moveIntoPlace(tmp, movie);
            done = true;
            return new EncodeSummary(movie, frames, held, Files.size(movie),
                    (System.nanoTime() - startNanos) / 1_000_000);
        } catch (FrameRecorder.Exception e) {
            throw new FileProblem(movie, "cannot complete the movie: " + Ffmpeg.describe(e), e);
        } catch (IOException e) {
            throw new FileProblem(movie, "cannot write: " + FileProblem.reason(e), e);
        } finally {
            close();
        }
    }

    /** Without {@link #finish()}: abandons the encode and deletes the temporary file. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            releaseQuietly(recorder);
            AtomicFiles.deleteQuietly(tmp);
        }
    }

    private void record() {
        try {
            recorder.record(images.frame(), images.pixelFormat());
        } catch (FrameRecorder.Exception e) {
            throw new FileProblem(movie, "cannot encode frame " + frames + ": " + Ffmpeg.describe(e), e);
        }
    }

    private void requireOpen() {
        if (done) {
            throw new IllegalStateException("the encoder for " + movie + " is already finished or closed");
        }
    }

    private static void releaseQuietly(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception | RuntimeException ignored) {
            // the encode is being abandoned; the failure that caused it is what matters
        }
    }
}
