package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;

/**
 * One reused native frame of packed RGB24 that every picture goes through before the movies get
 * it: the renderer's BufferedImages (in {@code all}) are copied into it, the PNGs FFmpeg decodes
 * (in {@code encode}) are taken as they are and copied only for a movie that wants RGB. One pixel
 * format in means swscale converts both the same way, so {@code all} and {@code encode} make the
 * same movie from the same frames.
 *
 * <p>The layouts renderers and ImageIO produce (int RGB/BGR, 3-byte BGR, int ARGB with or without
 * premultiplied alpha, 4-byte ABGR) are read straight from their arrays, translucent pixels
 * composited over black like the frames' own background; anything else (grey, sub-images, …) is
 * drawn over black onto an int RGB canvas first. Odd sizes are padded to even ones (yuv420p needs
 * them) by the frame's extra column and row, which stay black.
 *
 * <p>The video movies (MP4, WebM) take the picture as yuv420p, converted here once for all of them
 * and for every copy of the last frame in the holds, with swscale's bicubic filter like ffmpeg's
 * command line.
 */
final class ImageToFrame implements AutoCloseable {
    private final int width;
    private final int height;
    private final Frame frame;
    private final ByteBuffer buffer;
    private final BytePointer pointer;
    private final byte[] row;
    private BufferedImage canvas;
    private Frame yuv;
    private SwsContext sws;
    private PointerPointer<BytePointer> yuvPlanes;
    private IntPointer yuvStrides;
    private boolean yuvCurrent;
    /** A decoded picture taken but not yet copied into {@link #frame}, or null. */
    private AVFrame decoded;

    ImageToFrame(int width, int height) {
        this.width = width;
        this.height = height;
        int evenWidth = roundUpToEven(width);
        int evenHeight = roundUpToEven(height);
        frame = new Frame();
        frame.imageWidth = evenWidth;
        frame.imageHeight = evenHeight;
        frame.imageDepth = Frame.DEPTH_UBYTE;
        frame.imageChannels = 3;
        // Rows 32-byte aligned: swscale's SIMD paths want aligned lines.
        frame.imageStride = (evenWidth * 3 + 31) & ~31;
        buffer = ByteBuffer.allocateDirect(frame.imageStride * evenHeight);
        frame.image = new java.nio.Buffer[] {buffer};
        pointer = new BytePointer(buffer);
        row = new byte[width * 3];
    }

    static int roundUpToEven(int n) {
        return n + (n & 1);
    }

    int evenWidth() {
        return frame.imageWidth;
    }

    int evenHeight() {
        return frame.imageHeight;
    }

    /** The frame holding the last picture, RGB24; overwritten by the next call. */
    Frame frame() {
        if (decoded != null) {
            copy(decoded);
        }
        return frame;
    }

    static int pixelFormat() {
        return AV_PIX_FMT_RGB24;
    }

    /** The last picture as yuv420p (planes one after another, no padding), converted on first use. */
    Frame yuv420() {
        if (!yuvCurrent) {
            if (sws == null) {
                startYuv();
            }
            // straight from a decoded picture when its size needs no padding: a copy less
            boolean direct = decoded != null && width == frame.imageWidth && height == frame.imageHeight;
            if (!direct) {
                frame();
            }
            PointerPointer<BytePointer> src = new PointerPointer<>(1L);
            src.put(0, direct ? decoded.data(0) : pointer.position(0));
            IntPointer srcStride = new IntPointer(1L).put(0, direct ? decoded.linesize(0) : frame.imageStride);
            sws_scale(sws, src, srcStride, 0, frame.imageHeight, yuvPlanes, yuvStrides);
            src.close();
            srcStride.close();
            yuvCurrent = true;
        }
        return yuv;
    }

    static int yuvPixelFormat() {
        return AV_PIX_FMT_YUV420P;
    }

    private void startYuv() {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        sws = sws_getContext(w, h, AV_PIX_FMT_RGB24, w, h, AV_PIX_FMT_YUV420P, SWS_BICUBIC, null, null,
                (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert RGB24 to yuv420p at " + w + "x" + h);
        }
        ByteBuffer planes = ByteBuffer.allocateDirect(w * h * 3 / 2);
        BytePointer base = new BytePointer(planes);
        yuvPlanes = new PointerPointer<BytePointer>(3L);
        yuvPlanes.put(0, new BytePointer(base).position(0));
        yuvPlanes.put(1, new BytePointer(base).position((long) w * h));
        yuvPlanes.put(2, new BytePointer(base).position((long) w * h + (long) w * h / 4));
        yuvStrides = new IntPointer(3L).put(0, w).put(1, w / 2).put(2, w / 2);
        yuv = new Frame();
        yuv.imageWidth = w;
        yuv.imageHeight = h;
        yuv.imageDepth = Frame.DEPTH_UBYTE;
        yuv.imageChannels = 1;
        yuv.imageStride = w;   // the recorder reads the planes at their packed offsets
        yuv.image = new java.nio.Buffer[] {planes};
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
    }

    /**
     * Takes a decoded RGB24 picture of this size as the next one, until {@link #release()}: it is
     * copied into {@link #frame()} only if a movie asks for the RGB frame (a GIF), and the video
     * movies' yuv420p is converted straight from it (240 frames of 1100×800: 0.6 GB not copied).
     */
    void take(AVFrame picture) {
        if (picture.width() != width || picture.height() != height || picture.format() != AV_PIX_FMT_RGB24) {
            throw new IllegalArgumentException("decoded picture is " + picture.width() + "x" + picture.height()
                    + " in format " + picture.format() + ", expected " + width + "x" + height + " RGB24");
        }
        yuvCurrent = false;
        decoded = picture;
    }

    /** Lets go of the decoded picture given to {@link #take}, whose owner is about to free it. */
    void release() {
        decoded = null;
    }

    private void copy(AVFrame picture) {
        decoded = null;
        BytePointer src = picture.data(0);
        int lineSize = picture.linesize(0);
        for (int y = 0; y < height; y++) {
            Pointer.memcpy(pointer.position((long) y * frame.imageStride), src.position((long) y * lineSize), 3L * width);
        }
        pointer.position(0);
        src.position(0);
    }

    /** Copies {@code image} into {@link #frame()}. */
    void convert(BufferedImage image) {
        yuvCurrent = false;
        decoded = null;
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame is " + image.getWidth() + "x" + image.getHeight()
                    + " but the movie was opened for " + width + "x" + height);
        }
        WritableRaster raster = image.getRaster();
        boolean plain = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getOffset() == 0 && raster.getDataBuffer().getNumBanks() == 1;
        int type = image.getType();
        if (plain && isPacked(raster, type)) {
            int[] px = ((DataBufferInt) raster.getDataBuffer()).getData();
            for (int y = 0; y < height; y++) {
                putIntRow(px, y * width, type);
            }
        } else if (plain && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
                && ((ComponentSampleModel) raster.getSampleModel()).getScanlineStride()
                        == width * (type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4)) {
            byte[] px = ((DataBufferByte) raster.getDataBuffer()).getData();
            for (int y = 0; y < height; y++) {
                putByteRow(px, y, type == BufferedImage.TYPE_4BYTE_ABGR);
            }
        } else {
            int[] px = drawOnCanvas(image);
            for (int y = 0; y < height; y++) {
                putIntRow(px, y * width, BufferedImage.TYPE_INT_RGB);
            }
        }
    }

    private boolean isPacked(WritableRaster raster, int type) {
        return (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_BGR
                || type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_ARGB_PRE)
                && ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride() == width;
    }

    private void putIntRow(int[] px, int offset, int type) {
        for (int x = 0, o = 0; x < width; x++) {
            int p = px[offset + x];
            switch (type) {
                case BufferedImage.TYPE_INT_BGR -> p = (p & 0xFF) << 16 | (p & 0xFF00) | (p >> 16 & 0xFF);
                case BufferedImage.TYPE_INT_ARGB -> p = overBlack(p);
                default -> { } // RGB; premultiplied ARGB is already the colour over black
            }
            row[o++] = (byte) (p >> 16);
            row[o++] = (byte) (p >> 8);
            row[o++] = (byte) p;
        }
        buffer.put((offset / width) * frame.imageStride, row);
    }

    private void putByteRow(byte[] px, int y, boolean alpha) {
        int step = alpha ? 4 : 3;
        int i = y * width * step;
        for (int x = 0, o = 0; x < width; x++, i += step) {
            if (alpha) {
                int p = overBlack((px[i] & 255) << 24 | (px[i + 3] & 255) << 16 | (px[i + 2] & 255) << 8 | (px[i + 1] & 255));
                row[o++] = (byte) (p >> 16);
                row[o++] = (byte) (p >> 8);
                row[o++] = (byte) p;
            } else {
                row[o++] = px[i + 2];
                row[o++] = px[i + 1];
                row[o++] = px[i];
            }
        }
        buffer.put(y * frame.imageStride, row);
    }

    /** Non-premultiplied ARGB composited over black, as 0x00RRGGBB. */
    static int overBlack(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb & 0xFFFFFF;
        }
        if (a == 0) {
            return 0;
        }
        int r = (((argb >> 16) & 255) * a + 127) / 255;
        int g = (((argb >> 8) & 255) * a + 127) / 255;
        int b = ((argb & 255) * a + 127) / 255;
        return r << 16 | g << 8 | b;
    }

    private int[] drawOnCanvas(BufferedImage image) {
        if (canvas == null) {
            canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = canvas.createGraphics();
        try {
            // Black under translucent pixels, like the frames' own background.
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
    }
}
