package org.umapanim.render;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import org.umapanim.common.SettingProblem;

/**
 * How big the frames are: {@code width}×{@code height}, times {@code scale} pixels for high-DPI
 * screens (2 makes 2200×1600 PNGs of a 1100×800 frame, everything drawn twice as big).
 *
 * <p>Everything is laid out on the 1100×800 reference frame ({@link Layout}) and scaled by the
 * largest factor that fits, centred: the plot stays square, the legend and the text grow or shrink
 * with it, and a frame of another aspect gets black margins (1920×1080 holds the 1485×1080 picture
 * with 217 px either side).
 */
public record FrameSize(int width, int height, double scale) {
    public static final FrameSize DEFAULT = new FrameSize(Layout.FRAME_WIDTH, Layout.FRAME_HEIGHT, 1);

    /** Smaller frames have unreadable text; larger ones than 8K are not a movie anyone plays. */
    static final int MIN_SIDE = 64;
    static final int MAX_SIDE = 8192;

    public FrameSize {
        if (!(scale >= 0.25 && scale <= 8)) {
            throw new SettingProblem("scale", "must be between 0.25 and 8, got " + scale);
        }
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new SettingProblem("size", "must be at least " + MIN_SIDE + "x" + MIN_SIDE + ", got "
                    + width + "x" + height);
        }
        if (Math.round(width * scale) > MAX_SIDE || Math.round(height * scale) > MAX_SIDE) {
            throw new SettingProblem("size", "makes frames of more than " + MAX_SIDE + " pixels a side: "
                    + Math.round(width * scale) + "x" + Math.round(height * scale) + " (size " + width + "x"
                    + height + " at scale " + scale + ")");
        }
    }

    /** Width of the PNGs in pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    /** Height of the PNGs in pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * scale);
    }

    /** Pixels per pixel of the reference frame. */
    double factor() {
        return Math.min((double) pixelWidth() / Layout.FRAME_WIDTH, (double) pixelHeight() / Layout.FRAME_HEIGHT);
    }

    /** From the reference frame's coordinates to this frame's pixels. */
    AffineTransform fromReference() {
        double f = factor();
        AffineTransform t = AffineTransform.getTranslateInstance((pixelWidth() - f * Layout.FRAME_WIDTH) / 2,
                (pixelHeight() - f * Layout.FRAME_HEIGHT) / 2);
        t.scale(f, f);
        return t;
    }

    /** A rectangle of the reference frame in this frame's pixels. */
    Rectangle2D toPixels(Rectangle r) {
        return fromReference().createTransformedShape(r).getBounds2D();
    }
}
