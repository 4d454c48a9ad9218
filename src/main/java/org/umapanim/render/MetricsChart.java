package org.umapanim.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;
import org.umapanim.common.AtomicFiles;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.store.StepPhase;

/**
 * {@code images/metrics.png}: the layout's measures against the epoch as small multiples sharing
 * the epoch axis — trustworthiness, neighbours kept, 10-NN accuracy (labelled data), the loss and
 * the motion (median and 95th percentile), the last two on log axes as they fall by orders of
 * magnitude — in the movie's look: white text and axes on black. Each phase of the run's steps
 * (t-SNE's early exaggeration, {@link StepPhase}) is a band behind every row, named in the first.
 */
public final class MetricsChart {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 900;

    static final Color GRID = new Color(0x404040);
    static final Color AXIS = new Color(0xBBBBBB);
    /** A phase's band: dark enough to leave the lines and grid readable over it. */
    static final Color PHASE = new Color(0x2C2C44);

    private MetricsChart() {}

    /**
     * Draws the chart of {@code epochs} and writes it to {@code file} (atomically).
     *
     * @param step the reducer's word for a step ("epoch"), which labels the axis
     */
    public static void write(List<EpochMeasures> epochs, String step, Path file) {
        write(epochs, step, List.of(), file);
    }

    /** As {@link #write(List, String, Path)}, with the run's {@code phases} as named bands. */
    public static void write(List<EpochMeasures> epochs, String step, List<StepPhase> phases, Path file) {
        BufferedImage image = paint(epochs, step, phases);
        AtomicFiles.write(file, tmp -> PngWriter.write(image, tmp));
    }

    static BufferedImage paint(List<EpochMeasures> epochs, String step) {
        return paint(epochs, step, List.of());
    }

    static BufferedImage paint(List<EpochMeasures> epochs, String step, List<StepPhase> phases) {
        int last = epochs.get(epochs.size() - 1).epoch();
        NumberAxis epochAxis = new NumberAxis(step);
        epochAxis.setRange(0, Math.max(1, last));
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(epochAxis);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(16);
        plot.setBackgroundPaint(Color.BLACK);
        plot.setOutlineVisible(false);
        for (Measure m : List.of(Measure.TRUSTWORTHINESS, Measure.NEIGHBOURS_KEPT, Measure.LABEL_ACCURACY)) {
            if (m.measuredIn(epochs)) {
                NumberAxis axis = new NumberAxis(m.label);
                axis.setAutoRangeIncludesZero(false);
                plot.add(subplot(epochs, axis, false, m), 1);
            }
        }
        if (Measure.LOSS.measuredIn(epochs)) {
            // log: the first epochs' fall would flatten the later rise on a linear axis
            LogAxis axis = new LogAxis(Measure.LOSS.label);
            NumberFormat compact = NumberFormat.getCompactNumberInstance(Locale.ROOT, NumberFormat.Style.SHORT);
            compact.setMaximumFractionDigits(1);
            axis.setNumberFormatOverride(compact);
            plot.add(subplot(epochs, axis, true, Measure.LOSS), 1);
        }
        if (Measure.MOTION_MEDIAN.measuredIn(epochs)) {
            LogAxis axis = new LogAxis("motion per " + step);
            axis.setSmallestValue(1e-6);
            axis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
            plot.add(subplot(epochs, axis, true, Measure.MOTION_MEDIAN, Measure.MOTION_P95), 1);
        }
        boolean named = false;
        for (Object row : plot.getSubplots()) {
            mark((XYPlot) row, phases, named ? null : Fonts.sans(12f));
            named = true;
        }
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.BLACK);
        chart.setPadding(new RectangleInsets(10, 10, 10, 20));
        TextTitle title = new TextTitle("The layout's quality, " + step + " by " + step, Fonts.sans(22f));
        title.setPaint(Color.WHITE);
        chart.setTitle(title);
        if (Measure.MOTION_MEDIAN.measuredIn(epochs)) {
            TextTitle key = new TextTitle("motion: median (lilac) and 95th percentile (yellow), in epochs.parquet's units",
                    Fonts.sans(13f));
            key.setPaint(AXIS);
            chart.addSubtitle(key);
        }

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static XYPlot subplot(List<EpochMeasures> epochs, ValueAxis axis, boolean log, Measure... measures) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < measures.length; s++) {
            data.addSeries(measures[s].series(epochs, Integer.MAX_VALUE, log));
            lines.setSeriesPaint(s, measures[s].colour);
            lines.setSeriesStroke(s, new BasicStroke(2f));
        }
        style(axis);
        XYPlot plot = new XYPlot(data, null, axis, lines);
        plot.setBackgroundPaint(Color.BLACK);
        plot.setOutlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        return plot;
    }

    /**
     * Puts each of {@code phases} behind {@code plot}'s lines as a band over the steps its
     * iterations move between ({@code first - 1} … {@code last}), named in {@code labelOrNull}'s
     * font at its top left if given.
     */
    static void mark(XYPlot plot, List<StepPhase> phases, Font labelOrNull) {
        for (StepPhase p : phases) {
            IntervalMarker band = new IntervalMarker(p.first() - 1, p.last(), PHASE);
            band.setAlpha(1f);
            if (labelOrNull != null) {
                band.setLabel(p.name());
                band.setLabelFont(labelOrNull);
                band.setLabelPaint(AXIS);
                band.setLabelBackgroundColor(new Color(0, true));   // JFreeChart's default grey box would hide the band's colour
                band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                band.setLabelOffset(new RectangleInsets(4, 6, 4, 4));
            }
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
    }

    static void style(ValueAxis axis) {
        axis.setLabelFont(Fonts.sans(14f));
        axis.setLabelPaint(Color.WHITE);
        axis.setTickLabelFont(Fonts.sans(12f));
        axis.setTickLabelPaint(AXIS);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
    }
}
