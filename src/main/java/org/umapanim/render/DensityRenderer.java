package org.umapanim.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * A JFreeChart renderer that draws the density of the points rather than a dot per point: every
 * item is counted in the pixel of the data area it falls in, with its class colour, and once the
 * series' last item is counted the counts are drawn as one image. A pixel shows the mean colour of
 * its points (classes mixed by their counts), and its opacity over the black background grows
 * with the logarithm of its count, from {@link #SINGLE} for one point to full at the frame's
 * {@link #REFERENCE_QUANTILE} quantile of the counts of the pixels holding points — so a sparse
 * bridge of single points stays visible beside a core of thousands, whatever the layout's spread.
 *
 * <p>Items outside the axes' ranges are not counted: nothing is drawn outside the view. The plot
 * must be vertical, with one series (the points in order, {@code item} being the point's index),
 * drawn on a Graphics whose user space is in pixels. Everything is integer counting in item order
 * and arithmetic on those counts: the same layout gives the same pixels.
 */
final class DensityRenderer extends AbstractXYItemRenderer {
    /** The opacity of a pixel holding a single point: the palette's darkest colours still show on black. */
    static final double SINGLE = 0.4;
    /** The count shown at full opacity: the one only 1 % of the occupied pixels exceed. */
    static final double REFERENCE_QUANTILE = 0.99;

    /**
     * Each thread's counts and image, kept from frame to frame: allocated afresh they were a fifth
     * of render's garbage at a million points (1.7 GB of 23 GB over 240 frames), which lets the
     * heap grow.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Classes classes;
    private final int[] rgb;

    DensityRenderer(Classes classes, Palette palette) {
        this.classes = classes;
        this.rgb = new int[palette.size()];
        for (int c = 0; c < rgb.length; c++) {
            rgb[c] = palette.rgb(c);
        }
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
                                          PlotRenderingInfo info) {
        Counts counts = new Counts(info, dataArea, plot.getDomainAxis(), plot.getRangeAxis());
        // every item is counted once anyway; JFreeChart's search for the visible ones reads them all twice
        counts.setProcessVisibleItemsOnly(false);
        return counts;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        Counts counts = (Counts) state;
        counts.add(dataset.getXValue(series, item), dataset.getYValue(series, item), rgb[classes.classOf(item)]);
        if (item == state.getLastItemIndex()) {
            g2.drawImage(counts.image(), counts.left, counts.top, null);
        }
    }

    /**
     * The points per pixel of the data area and the sums of their colours, four ints a pixel
     * (count, red, green, blue) side by side so that counting a point touches one cache line.
     */
    static final class Counts extends XYItemRendererState {
        /** A pixel's colour sums stop growing here, so they never overflow (255 × this < 2³¹). */
        static final int SATURATED = Integer.MAX_VALUE / 255;

        final int left;
        final int top;
        final int width;
        final int height;
        private final Scratch scratch;
        private final int[] sums;
        /** Pixel column = floor(x · scaleX + offsetX), row = floor(y · scaleY + offsetY), both from the grid's corner. */
        private final double scaleX;
        private final double offsetX;
        private final double scaleY;
        private final double offsetY;

        Counts(PlotRenderingInfo info, Rectangle2D area, ValueAxis x, ValueAxis y) {
            super(info);
            left = (int) Math.floor(area.getMinX());
            top = (int) Math.floor(area.getMinY());
            width = (int) Math.ceil(area.getMaxX()) - left;
            height = (int) Math.ceil(area.getMaxY()) - top;
            scratch = SCRATCH.get().clear(width, height);
            sums = scratch.sums;
            // JFreeChart's ValueAxis.valueToJava2D for a vertical plot: x grows rightwards, y upwards
            scaleX = area.getWidth() / x.getRange().getLength();
            offsetX = area.getMinX() - left - x.getLowerBound() * scaleX;
            scaleY = -area.getHeight() / y.getRange().getLength();
            offsetY = area.getMaxY() - top - y.getLowerBound() * scaleY;
        }

        void add(double x, double y, int colour) {
            double col = x * scaleX + offsetX;
            double row = y * scaleY + offsetY;
            // also false for NaN
            if (!(col >= 0 && col < width && row >= 0 && row < height)) {
                return;
            }
            int p = 4 * ((int) row * width + (int) col);
            if (sums[p] < SATURATED) {
                sums[p]++;
                sums[p + 1] += colour >>> 16 & 0xFF;
                sums[p + 2] += colour >>> 8 & 0xFF;
                sums[p + 3] += colour & 0xFF;
            }
        }

        /** The counts as an image of the data area's pixels: the mean colour, opacity by count. */
        BufferedImage image() {
            int pixels = width * height;
            double[] opacity = opacities(reference());
            BufferedImage image = scratch.image;
            int[] argb = ImagePixels.of(image);
            for (int i = 0, p = 0; i < pixels; i++, p += 4) {
                int n = sums[p];
                if (n == 0) {
                    continue;
                }
                int half = n / 2;   // rounds the mean to the nearest
                int alpha = (int) Math.round(255 * (n < opacity.length ? opacity[n] : 1));
                argb[i] = alpha << 24 | (sums[p + 1] + half) / n << 16 | (sums[p + 2] + half) / n << 8
                        | (sums[p + 3] + half) / n;
            }
            return image;
        }

        /**
         * The count shown at full opacity: the {@link #REFERENCE_QUANTILE} quantile of the occupied
         * pixels' counts, interpolated between whole counts so that it changes smoothly as the
         * layout moves from frame to frame rather than in steps of one.
         */
        double reference() {
            int occupied = 0;
            int max = 0;
            for (int p = 0; p < sums.length; p += 4) {
                if (sums[p] > 0) {
                    occupied++;
                    max = Math.max(max, sums[p]);
                }
            }
            if (occupied == 0) {
                return 1;
            }
            int[] pixelsWith = new int[max + 1];
            for (int p = 0; p < sums.length; p += 4) {
                pixelsWith[sums[p]]++;
            }
            double rank = REFERENCE_QUANTILE * occupied;
            int below = 0;
            for (int n = 1; n <= max; n++) {
                if (below + pixelsWith[n] >= rank) {
                    // the counts of the pixels with n points spread evenly over (n - 1, n]
                    return n - 1 + (rank - below) / pixelsWith[n];
                }
                below += pixelsWith[n];
            }
            return max;
        }

        /** The opacity of a pixel by its count, 1 … ceil(reference) (full beyond). */
        private static double[] opacities(double reference) {
            double[] opacity = new double[(int) Math.ceil(reference) + 1];
            double full = StrictMath.log(Math.max(1, reference));
            for (int n = 1; n < opacity.length; n++) {
                opacity[n] = full <= 0 ? 1 : SINGLE + (1 - SINGLE) * Math.min(1, StrictMath.log(n) / full);
            }
            return opacity;
        }
    }

    /** A thread's counts and image for data areas of one size, cleared for every frame. */
    private static final class Scratch {
        int[] sums = new int[0];
        BufferedImage image;

        Scratch clear(int width, int height) {
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                sums = new int[4 * width * height];
                image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            } else {
                Arrays.fill(sums, 0);
                Arrays.fill(ImagePixels.of(image), 0);
            }
            return this;
        }
    }
}
