package org.umapanim.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_0RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Turns same-sized BufferedImages into JavaCV frames for the recorder, reusing one native buffer.
 * The two layouts renderers and ImageIO produce (3-byte BGR, int RGB) are copied as they are and
 * their FFmpeg pixel format named explicitly; anything else, and any odd-sized image (H.264 with
 * yuv420p needs even sides), is first drawn over black onto an even-sized BGR canvas.
 */
final class ImageToFrame implements AutoCloseable {

    /** A frame and the FFmpeg pixel format of its bytes. */
    record Picture(Frame frame, int pixelFormat) {}

    private final int width;
    private final int height;
    private final int evenWidth;
    private final int evenHeight;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private BufferedImage canvas;

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

    /** The returned frame is only valid until the next call. */
    Picture convert(BufferedImage image) {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame is " + image.getWidth() + "x" + image.getHeight()
                    + " but the movie was opened for " + width + "x" + height);
        }
        boolean even = width == evenWidth && height == evenHeight;
        if (even && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return new Picture(converter.convert(image), AV_PIX_FMT_BGR24);
        }
        if (even && image.getType() == BufferedImage.TYPE_INT_RGB) {
            // Java2DFrameConverter stores each int big-endian: bytes 0,R,G,B. The recorder would
            // guess RGBA from "4 bytes per pixel" and shift every colour channel.
            return new Picture(converter.convert(image), AV_PIX_FMT_0RGB);
        }
        return new Picture(converter.convert(drawOnCanvas(image)), AV_PIX_FMT_BGR24);
    }

    private BufferedImage drawOnCanvas(BufferedImage image) {
        if (canvas == null) {
            canvas = new BufferedImage(evenWidth, evenHeight, BufferedImage.TYPE_3BYTE_BGR);
        }
        Graphics2D g = canvas.createGraphics();
        try {
            // Black under translucent pixels and in the padding, like the frames' own background.
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, evenWidth, evenHeight);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    @Override
    public void close() {
        converter.close();
    }
}
