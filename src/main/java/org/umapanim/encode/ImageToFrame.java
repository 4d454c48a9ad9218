package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB0;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import org.bytedeco.javacv.Frame;

/**
 * Copies same-sized BufferedImages into one reused native frame for the recorder.
 *
 * <p>The layouts renderers and ImageIO produce (3-byte BGR, int RGB/BGR, premultiplied int
 * ARGB) are copied row by row with bulk copies and their FFmpeg pixel format named explicitly;
 * int ARGB and 4-byte ABGR are composited over black pixel by pixel (drawImage takes 10-50 ms
 * a frame for that); anything else (grey, sub-images, …) is drawn over black onto an int RGB
 * canvas. Odd sizes are padded
 * to even ones (yuv420p needs them) by the frame's extra column and row, which stay black.
 * Java2DFrameConverter was 2-3x slower here (it copies element by element) and labels int
 * images as 4-byte RGBA, which the recorder then reads with every channel shifted.
 */
final class ImageToFrame {

    private final int width;
    private final int height;
    private final int evenWidth;
    private final int evenHeight;
    private Frame frame;
    private int pixelFormat;
    private BufferedImage canvas;
    private int[] row;

    ImageToFrame(int width, int height) {
        this.width = width;
        this.height = height;
        this.evenWidth = roundUpToEven(width);
        this.evenHeight = roundUpToEven(height);
    }

    static int roundUpToEven(int n) {
        return n + (n & 1);
    }

    int evenWidth() {
        return evenWidth;
    }

    int evenHeight() {
        return evenHeight;
    }

    /** The frame holding the last converted image. */
    Frame frame() {
        return frame;
    }

    /** The FFmpeg pixel format of {@link #frame()}'s bytes. */
    int pixelFormat() {
        return pixelFormat;
    }

    /** Copies {@code image} into {@link #frame()}, which is overwritten by the next call. */
    void convert(BufferedImage image) {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame is " + image.getWidth() + "x" + image.getHeight()
                    + " but the movie was opened for " + width + "x" + height);
        }
        WritableRaster raster = image.getRaster();
        boolean plain = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getOffset() == 0 && raster.getDataBuffer().getNumBanks() == 1;
        int type = image.getType();
        if (plain && type == BufferedImage.TYPE_3BYTE_BGR
                && ((ComponentSampleModel) raster.getSampleModel()).getScanlineStride() == width * 3) {
            copyBytes(((DataBufferByte) raster.getDataBuffer()).getData());
        } else if (plain && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_BGR)
                && ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride() == width) {
            // Native (little-endian) order stores 0x00RRGGBB as the bytes B,G,R,0.
            copyInts(((DataBufferInt) raster.getDataBuffer()).getData(),
                    type == BufferedImage.TYPE_INT_RGB ? AV_PIX_FMT_BGR0 : AV_PIX_FMT_RGB0);
        } else if (plain && type == BufferedImage.TYPE_INT_ARGB_PRE
                && ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride() == width) {
            // Premultiplied colour is already the colour over black; BGR0 ignores the alpha byte.
            copyInts(((DataBufferInt) raster.getDataBuffer()).getData(), AV_PIX_FMT_BGR0);
        } else if (plain && type == BufferedImage.TYPE_INT_ARGB
                && ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride() == width) {
            copyArgbOverBlack(((DataBufferInt) raster.getDataBuffer()).getData());
        } else if (plain && type == BufferedImage.TYPE_4BYTE_ABGR
                && ((ComponentSampleModel) raster.getSampleModel()).getScanlineStride() == width * 4) {
            copyAbgrOverBlack(((DataBufferByte) raster.getDataBuffer()).getData());
        } else {
            copyInts(drawOnCanvas(image), AV_PIX_FMT_BGR0);
        }
    }

    /** JFreeChart's own images (int ARGB) and RGBA PNGs read by ImageIO (4-byte ABGR) come here. */
    private void copyArgbOverBlack(int[] pixels) {
        IntBuffer buffer = frameFor(4, AV_PIX_FMT_BGR0).order(ByteOrder.nativeOrder()).asIntBuffer();
        int stride = frame.imageStride / 4;
        int[] row = rowBuffer();
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                row[x] = overBlack(pixels[offset + x]);
            }
            buffer.put(y * stride, row, 0, width);
        }
    }

    private void copyAbgrOverBlack(byte[] pixels) {
        IntBuffer buffer = frameFor(4, AV_PIX_FMT_BGR0).order(ByteOrder.nativeOrder()).asIntBuffer();
        int stride = frame.imageStride / 4;
        int[] row = rowBuffer();
        for (int y = 0; y < height; y++) {
            int i = y * width * 4;
            for (int x = 0; x < width; x++, i += 4) {
                row[x] = overBlack((pixels[i] & 255) << 24 | (pixels[i + 3] & 255) << 16
                        | (pixels[i + 2] & 255) << 8 | (pixels[i + 1] & 255));
            }
            buffer.put(y * stride, row, 0, width);
        }
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

    private int[] rowBuffer() {
        if (row == null) {
            row = new int[width];
        }
        return row;
    }

    private void copyBytes(byte[] pixels) {
        ByteBuffer buffer = frameFor(3, AV_PIX_FMT_BGR24);
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            buffer.put(y * frame.imageStride, pixels, y * row, row);
        }
    }

    private void copyInts(int[] pixels, int format) {
        IntBuffer buffer = frameFor(4, format).order(ByteOrder.nativeOrder()).asIntBuffer();
        int stride = frame.imageStride / 4;
        for (int y = 0; y < height; y++) {
            buffer.put(y * stride, pixels, y * width, width);
        }
    }

    /** The frame, (re)made zeroed (black padding) when the layout changes. */
    private ByteBuffer frameFor(int bytesPerPixel, int format) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN && bytesPerPixel == 4) {
            throw new UnsupportedOperationException("big-endian platforms are not supported");
        }
        if (frame == null || frame.imageChannels != bytesPerPixel) {
            frame = new Frame();
            frame.imageWidth = evenWidth;
            frame.imageHeight = evenHeight;
            frame.imageDepth = Frame.DEPTH_UBYTE;
            frame.imageChannels = bytesPerPixel;
            // Rows 32-byte aligned: swscale's SIMD paths want aligned lines.
            frame.imageStride = (evenWidth * bytesPerPixel + 31) & ~31;
            frame.image = new java.nio.Buffer[] {ByteBuffer.allocateDirect(frame.imageStride * evenHeight)};
        }
        pixelFormat = format;
        return (ByteBuffer) frame.image[0];
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
