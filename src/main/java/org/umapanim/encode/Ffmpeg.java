package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.FrameGrabber;
import org.umapanim.common.FileProblem;

/** The process-wide FFmpeg settings and checks the encoder relies on. */
final class Ffmpeg {
    private Ffmpeg() {}

    /**
     * FFmpeg says nothing of its own: every failure it has reaches us as an error code, which we
     * report in one line of our own (its lines would come on top: "[png @ 0x55…] chunk too big"),
     * and its statistics (x264's) are noise to our users, --verbose or not.
     */
    static void quiet() {
        av_log_set_level(AV_LOG_QUIET);
        FFmpegLogCallback.set();
    }

    private static final java.util.regex.Pattern JAVACV_ADVICE = java.util.regex.Pattern.compile(
            "\\s*\\(For more details, make sure FFmpegLogCallback\\.set\\(\\) has been called\\.\\)");
    private static final java.util.regex.Pattern ERROR_CODE = java.util.regex.Pattern.compile("error (-\\d+)");

    /**
     * A recorder's failure in words: JavaCV reports FFmpeg's errors as bare codes ("av_write_frame()
     * error -28 while writing video packet"); FFmpeg's own text for the code says what it means
     * ("No space left on device").
     */
    static String describe(Exception e) {
        // JavaCV ends every message of its exceptions with advice for its own users: not ours
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : JAVACV_ADVICE.matcher(e.getMessage()).replaceAll("").strip();
        java.util.regex.Matcher code = ERROR_CODE.matcher(message);
        return code.find() ? errorText(Integer.parseInt(code.group(1))) + " (" + message + ")" : message;
    }

    /** FFmpeg's words for an error code, in lower case: "no space left on device". */
    static String errorText(int code) {
        byte[] text = new byte[256];
        if (av_strerror(code, text, text.length) < 0) {
            return "error " + code;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Fails unless {@code file} is a whole movie. FFmpeg's writes through its I/O layer fail without
     * an error reaching JavaCV (a full disk left an 8 KB "movie" and no error), so the finished
     * file is checked before it may replace a good one: an MP4 must count {@code frames} frames in
     * its index, any movie must open, and the disk must not have filled up while it was written.
     */
    static void requireComplete(Path file, MovieFormat format, int frames, Path movie) {
        if (diskFull(file)) {
            throw new FileProblem(movie, "no space left on device: the movie was cut short");
        }
        long found;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            found = format == MovieFormat.MP4 ? grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames()
                    : frames;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            found = -1;
        }
        if (found != frames) {
            throw new FileProblem(movie, "the movie came out incomplete (" + (found < 0 ? "unreadable" : found + " of "
                    + frames + " frames") + ")");
        }
    }

    private static boolean diskFull(Path file) {
        try {
            return java.nio.file.Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace() < (1 << 20);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Fails unless FFmpeg has the named encoder. FFmpegFrameRecorder silently falls back to the
     * container's default codec (mpeg4 for MP4) when the one asked for is missing, which happens
     * with the LGPL FFmpeg build: only the {@code <platform>-gpl} jars have libx264.
     */
    static void requireEncoder(String name, Path movie) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new FileProblem(movie, "cannot encode: the FFmpeg on the classpath has no " + name
                    + " encoder (it needs the org.bytedeco:ffmpeg GPL build, classifier " + Loader.getPlatform() + "-gpl)");
        }
    }
}
