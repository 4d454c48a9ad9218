package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_PAL8;

import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.umapanim.common.FileProblem;

/**
 * An animated GIF, the way ffmpeg's documentation makes a good one: frames scaled down
 * ({@code area} averaging, which keeps one-pixel dots), one palette for the whole movie from every
 * pixel of every frame ({@code palettegen}), then each frame dithered to it ({@code paletteuse},
 * Sierra-2-4A, redrawing only the rectangle that changed, so still parts cost nothing). The
 * palette is only known after the last frame, so FFmpeg's filter graph holds the scaled frames
 * until then: 0.9 MB each at 550×400, 130 MB for the default movie's 120.
 *
 * <p>The GIF plays at {@code min(gifFps, fps)} frames per second, taking the frames nearest to
 * its own times (every other one at 15 of 30 fps), and always ends on the last frame, which stays
 * for the hold as its delay rather than as copies.
 */
final class GifWriter extends MovieWriter {
    private final FFmpegFrameFilter filter;
    private final FFmpegFrameRecorder recorder;
    private final double rate;
    private final double step;
    private Frame last;
    private int received;
    private int taken;
    private boolean lastTaken;
    private int written;

    private GifWriter(Path movie, int frameWidth, int frameHeight, int paddedWidth, int paddedHeight, EncodeOptions o) {
        super(movie, MovieFormat.GIF);
        this.rate = Math.min(o.gifFps(), o.fps());
        this.step = o.fps() / rate;
        int width = Math.min(o.gifWidth(), frameWidth);
        int height = Math.max(1, (int) Math.round((double) frameHeight * width / frameWidth));
        filter = new FFmpegFrameFilter(String.format(Locale.ROOT,
                "crop=%d:%d:0:0,scale=%d:%d:flags=area,split[a][b];[a]palettegen=stats_mode=full[p];"
                        + "[b][p]paletteuse=dither=sierra2_4a:diff_mode=rectangle",
                frameWidth, frameHeight, width, height), paddedWidth, paddedHeight);
        filter.setPixelFormat(ImageToFrame.pixelFormat());
        filter.setFrameRate(rate);
        recorder = new FFmpegFrameRecorder(tmp.toString(), width, height, 0);
        recorder.setFormat(format.container());
        recorder.setVideoCodecName(format.encoder);
        recorder.setPixelFormat(AV_PIX_FMT_PAL8);
        recorder.setFrameRate(rate);
        // The hold is the last frame's delay (hundredths of a second): a repeated identical frame
        // is dropped by the encoder, and so would be the hold.
        recorder.setOption("final_delay", Long.toString(Math.round(100 / rate + 100 * o.holdSeconds())));
        try {
            filter.start();
        } catch (FrameFilter.Exception | RuntimeException e) {
            releaseFilter();
            throw new FileProblem(movie, "cannot set up the GIF palette filter: " + Ffmpeg.describe(e), e);
        }
        try {
            start(recorder);
        } catch (RuntimeException e) {
            releaseFilter();
            throw e;
        }
    }

    /** A GIF of frames {@code width}×{@code height}, handed over padded to {@code paddedWidth}×{@code paddedHeight}. */
    static GifWriter open(Path movie, int width, int height, int paddedWidth, int paddedHeight, EncodeOptions o) {
        Ffmpeg.requireEncoder(MovieFormat.GIF.encoder, movie);
        return new GifWriter(movie, width, height, paddedWidth, paddedHeight, o);
    }

    @Override
    void add(ImageToFrame picture) {
        Frame rgb = picture.frame();
        last = rgb;
        lastTaken = received == (int) Math.round(taken * step);
        if (lastTaken) {
            push(rgb);
        }
        received++;
    }

    private void push(Frame rgb) {
        try {
            filter.push(rgb, ImageToFrame.pixelFormat());
        } catch (FrameFilter.Exception | RuntimeException e) {
            throw new FileProblem(movie, "cannot filter frame " + taken + ": " + Ffmpeg.describe(e), e);
        }
        taken++;
    }

    @Override
    int[] complete() {
        if (received == 0) {
            throw new IllegalStateException("no frames were added to " + movie);
        }
        if (!lastTaken) {
            push(last);   // end on the final layout
        }
        Frame paletted = null;
        try {
            filter.push(null);   // end of stream: palettegen makes the palette, paletteuse lets the frames out
            Frame f;
            while ((f = filter.pull()) != null) {
                record(recorder, f, AV_PIX_FMT_PAL8, written++);
                paletted = f;
            }
        } catch (FrameFilter.Exception e) {
            throw new FileProblem(movie, "cannot make the GIF's palette: " + Ffmpeg.describe(e), e);
        }
        if (paletted == null || written != taken) {
            throw new IllegalStateException("the GIF filter gave " + written + " frames for " + taken);
        }
        stop(recorder);
        return new int[] {written, 0};
    }

    @Override
    void release() {
        releaseQuietly(recorder);
        releaseFilter();
    }

    private void releaseFilter() {
        try {
            filter.release();
        } catch (FrameFilter.Exception | RuntimeException ignored) {
            // the GIF is being abandoned or is over
        }
    }
}
