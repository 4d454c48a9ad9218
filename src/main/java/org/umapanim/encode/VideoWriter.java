package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** An MP4 (H.264) or WebM (VP9) movie: yuv420p at the frames' size and rate. */
final class VideoWriter extends MovieWriter {
    /** VP9's constant quality and speed ({@link MovieFormat#WEBM} says why). */
    static final int VP9_CRF = 30;
    static final int VP9_SPEED = 6;
    /**
     * x264's tuning for H.264: stillimage (weaker deblocking, stronger psycho-visual and adaptive
     * quantisation) keeps our one- and two-pixel dots sharp: on the bundled run's frames at CRF 26,
     * 7.35 MB at SSIM 0.9862 against 7.49 MB at 0.9853 untuned, and 2 % less CPU; "animation" needs
     * CRF 28 for the same size (0.9847) and 10 % more CPU, "ssim" loses 0.002 of SSIM at any size
     * (docs/encode-settings.md).
     */
    static final String H264_TUNE = "stillimage";

    private final FFmpegFrameRecorder recorder;
    private final EncodeOptions options;
    private Frame last;
    private int frames;

    private VideoWriter(Path movie, MovieFormat format, int width, int height, EncodeOptions o) {
        super(movie, format);
        this.options = o;
        recorder = new FFmpegFrameRecorder(tmp.toString(), width, height, 0);
        recorder.setFormat(format.container());
        recorder.setVideoCodecName(format.encoder);
        // the pictures arrive as yuv420p already (ImageToFrame converts once for every movie)
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(o.fps());
        // Constant quality: JavaCV's default 400 kb/s would otherwise cap it (VP9) or be stored as
        // the stream's nominal bitrate (H.264).
        recorder.setVideoBitrate(0);
        if (format == MovieFormat.MP4) {
            recorder.setVideoOption("crf", Integer.toString(o.crf()));
            recorder.setVideoOption("preset", o.preset());
            recorder.setVideoOption("tune", H264_TUNE);
            // JavaCV asks for constrained baseline by default; High is what ffmpeg's CLI gives and
            // compresses better (B-frames, CABAC). Every browser plays it.
            recorder.setVideoOption("profile", "high");
            // A muxer option, not a codec one: the index goes to the front so browsers can stream.
            recorder.setOption("movflags", "+faststart");
        } else {
            recorder.setVideoOption("crf", Integer.toString(VP9_CRF));
            recorder.setVideoOption("deadline", "realtime");
            recorder.setVideoOption("cpu-used", Integer.toString(VP9_SPEED));
            recorder.setVideoOption("row-mt", "1");
        }
        // swscale converts RGB to YUV with BT.601 limited-range coefficients; say so, otherwise
        // players guess BT.709 for HD sizes and shift every colour of the palette.
        recorder.setVideoOption("colorspace", "smpte170m");
        recorder.setVideoOption("color_range", "tv");
        start(recorder);
    }

    static VideoWriter open(Path movie, MovieFormat format, int width, int height, EncodeOptions o) {
        Ffmpeg.requireEncoder(format.encoder, movie);
        return new VideoWriter(movie, format, width, height, o);
    }

    @Override
    void add(ImageToFrame picture) {
        last = picture.yuv420();
        record(recorder, last, ImageToFrame.yuvPixelFormat(), frames);
        frames++;
    }

    @Override
    int[] complete() {
        if (frames == 0) {
            throw new IllegalStateException("no frames were added to " + movie);
        }
        int held = options.holdFrames(options.fps());
        for (int i = 0; i < held; i++) {
            // the shared frame still holds the last picture
            record(recorder, last, ImageToFrame.yuvPixelFormat(), frames + i);
        }
        stop(recorder);
        return new int[] {frames, held};
    }

    @Override
    void release() {
        releaseQuietly(recorder);
    }
}
