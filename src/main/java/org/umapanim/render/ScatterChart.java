package org.umapanim.render;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * The embedding as a JFreeChart scatter plot with no axes, no background and no outline, so it
 * can be drawn over the prepared frame. One series in point order (not one per class) so that no
 * class is always painted on top of the others. Charts are not thread-safe, so each
 * {@link #draw} builds its own (cheap next to drawing the points).
 */
final class ScatterChart {
    /** A little room so points at exactly 0 or 1 are drawn whole. */
    private static final double PAD = 0.004;

    private final Classes classes;
    private final Paint[] paints;
    private final int dot;

    ScatterChart(Classes classes, Palette palette, int dot) {
        this.classes = classes;
        this.paints = new Paint[palette.size()];
        for (int c = 0; c < paints.length; c++) {
            paints[c] = palette.color(c);
        }
        this.dot = dot;
    }

    void draw(Graphics2D g, Rectangle2D area, float[] xy) {
        if (xy.length != 2 * classes.points()) {
            throw new IllegalArgumentException(
                    "layout has " + xy.length / 2 + " points, labels have " + classes.points());
        }
        NumberAxis x = axis();
        NumberAxis y = axis();
        XYDotRenderer renderer = new XYDotRenderer() {
            @Override
            public Paint getItemPaint(int series, int item) {
                return paints[classes.classOf(item)];
            }
        };
        renderer.setDotWidth(dot);
        renderer.setDotHeight(dot);
        XYPlot plot = new XYPlot(new Layout2D(xy), x, y, renderer);
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setInsets(RectangleInsets.ZERO_INSETS);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(null);
        chart.setBorderVisible(false);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        chart.setAntiAlias(false);
        chart.draw(g, area);
    }

    private static NumberAxis axis() {
        NumberAxis a = new NumberAxis();
        a.setAutoRange(false);
        a.setRange(-PAD, 1 + PAD);
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
