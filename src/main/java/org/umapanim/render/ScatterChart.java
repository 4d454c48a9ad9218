package org.umapanim.render;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * The embedding as a JFreeChart scatter plot with no axes, no background and no outline, so it
 * can be drawn over the prepared frame. One series in point order (not one per class) so that no
 * class is always painted on top of the others. Charts are not thread-safe, so each
 * {@link #draw} builds its own (cheap next to drawing the points).
 *
 * <p>Dots up to {@link #LARGEST_SQUARE} pixels are squares without antialiasing (XYDotRenderer,
 * the fastest way to draw 70,000 points, and at that size a square is a dot); bigger ones, for
 * small data sets, are antialiased discs. Many points are drawn as their density instead
 * ({@link Density}, {@link DensityRenderer}).
 */
final class ScatterChart {
    /** Up to 4 px a disc would be a square with its corners shaved, so squares (also at scale 2). */
    static final double LARGEST_SQUARE = 4.5;

    private final Classes classes;
    private final Paint[] paints;
    private final Palette palette;
    private final double dot;
    private final boolean density;

    /**
     * @param dot     the points' size in pixels
     * @param density draw the points' density ({@link DensityRenderer}) instead of a dot per point
     */
    ScatterChart(Classes classes, Palette palette, double dot, boolean density) {
        this.classes = classes;
        this.palette = palette;
        this.paints = new Paint[palette.size()];
        for (int c = 0; c < paints.length; c++) {
            paints[c] = palette.color(c);
        }
        this.dot = dot;
        this.density = density;
    }

    /** Draws the points of {@code xy} that {@code view} shows into {@code area} (pixels). */
    void draw(Graphics2D g, Rectangle2D area, float[] xy, View view) {
        if (xy.length != 2 * classes.points()) {
            throw new IllegalArgumentException(
                    "layout has " + xy.length / 2 + " points, labels have " + classes.points());
        }
        NumberAxis x = axis(view.x0(), view.side());
        NumberAxis y = axis(view.y0(), view.side());
        boolean discs = !density && dot > LARGEST_SQUARE;
        XYPlot plot = new XYPlot(new Layout2D(xy), x, y,
                density ? new DensityRenderer(classes, palette) : discs ? discs() : squares());
        JFreeChart chart = BareChart.of(plot);
        chart.setAntiAlias(discs);
        chart.draw(g, area);
    }

    private AbstractXYItemRenderer squares() {
        XYDotRenderer renderer = new XYDotRenderer() {
            @Override
            public Paint getItemPaint(int series, int item) {
                return paints[classes.classOf(item)];
            }
        };
        int side = Math.max(1, (int) Math.round(dot));
        renderer.setDotWidth(side);
        renderer.setDotHeight(side);
        return renderer;
    }

    private AbstractXYItemRenderer discs() {
        XYShapeRenderer renderer = new XYShapeRenderer() {
            @Override
            public Paint getItemPaint(int series, int item) {
                return paints[classes.classOf(item)];
            }
        };
        renderer.setDefaultShape(new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
        renderer.setDrawOutlines(false);
        renderer.setUseFillPaint(false);
        return renderer;
    }

    private static NumberAxis axis(double from, double length) {
        NumberAxis a = new NumberAxis();
        a.setAutoRange(false);
        a.setRange(from, from + length);
        a.setVisible(false);
        return a;
    }

    /** The flat layout array seen as one XY series, without copying it into JFreeChart's objects. */
    private static final class Layout2D extends AbstractXYDataset {
        private final float[] xy;

        Layout2D(float[] xy) {
            this.xy = xy;
        }

        @Override
        public int getSeriesCount() {
            return 1;
        }

        @Override
        public Comparable<?> getSeriesKey(int series) {
            return "points";
        }

        @Override
        public int getItemCount(int series) {
            return xy.length / 2;
        }

        @Override
        public DomainOrder getDomainOrder() {
            return DomainOrder.NONE;
        }

        @Override
        public Number getX(int series, int item) {
            return xy[2 * item];
        }

        @Override
        public Number getY(int series, int item) {
            return xy[2 * item + 1];
        }

        @Override
        public double getXValue(int series, int item) {
            return xy[2 * item];
        }

        @Override
        public double getYValue(int series, int item) {
            return xy[2 * item + 1];
        }
    }
}
