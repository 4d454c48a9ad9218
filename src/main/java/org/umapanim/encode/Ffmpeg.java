package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.umapanim.common.FileProblem;

/** The process-wide FFmpeg settings and checks the encoder relies on. */
final class Ffmpeg {
    private Ffmpeg() {}

    /**
     * FFmpeg logs through JavaCV's logger rather than straight to stderr, and only errors
     * unless verbose (x264 otherwise prints its banner and statistics on every encode).
     */
    static void setLogging(boolean verbose) {
        av_log_set_level(verbose ? AV_LOG_INFO : AV_LOG_ERROR);
        FFmpegLogCallback.set();
    }

    /**
     * Fails unless FFmpeg has the named encoder. FFmpegFrameRecorder silently falls back to the
     * container's default codec (mpeg4 for MP4) when the one asked for is missing, which happens
     * with the LGPL FFmpeg build: only the {@code linux-x86_64-gpl} jar has libx264.
     */
    static void requireEncoder(String name, Path movie) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new FileProblem(movie, "cannot encode: the FFmpeg on the classpath has no " + name
                    + " encoder (it needs the org.bytedeco:ffmpeg GPL build, classifier linux-x86_64-gpl)");
        }
    }
}
