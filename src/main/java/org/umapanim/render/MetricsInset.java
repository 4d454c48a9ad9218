package org.umapanim.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.store.StepPhase;

/**
 * A small live chart in the corner of each frame ({@code --metrics-inset}): trustworthiness,
 * neighbours kept and 10-NN accuracy from epoch 0 up to the frame's epoch, on axes fixed for the
 * whole run (epochs 0 … last, the measures' full range) so the lines grow and nothing jumps,
 * with the current values written above in the lines' colours. A translucent black backing keeps
 * it readable over points; each phase of the run's steps ({@link StepPhase}) is a band behind
 * the lines, as on {@code metrics.png}. Thread-safe: each frame builds its own chart.
 */
public final class MetricsInset {
    static final Rectangle AREA = Layout.METRICS_INSET;
    private static final int TEXT_HEIGHT = 20;
    private static final float BACKING = 0.8f;

    private final List<EpochMeasures> epochs;
    private final List<Measure> shown = new ArrayList<>();
    private final int last;
    private final double low;
    private final double high;
    private final List<StepPhase> phases;

    public MetricsInset(List<EpochMeasures> epochs) {
        this(epochs, List.of());
    }

    /** @param phases the run's phases, drawn as bands behind the lines */
    public MetricsInset(List<EpochMeasures> epochs, List<StepPhase> phases) {
        this.phases = List.copyOf(phases);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("no measures to draw");
        }
        this.epochs = List.copyOf(epochs);
        this.last = epochs.get(epochs.size() - 1).epoch();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Measure m : List.of(Measure.TRUSTWORTHINESS, Measure.NEIGHBOURS_KEPT, Measure.LABEL_ACCURACY)) {
            if (m.measuredIn(epochs)) {
                shown.add(m);
                for (EpochMeasures e : epochs) {
                    double v = m.of(e);
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        double pad = Math.max(0.01, (hi - lo) * 0.05);
        this.low = Math.max(0, lo - pad);
        this.high = Math.min(1, hi + pad);
    }

    /** Draws the inset for {@code epoch} into the frame. */
    void draw(Graphics2D g, int epoch) {
        Composite before = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, BACKING));
        g.setColor(Color.BLACK);
        g.fill(AREA);
        g.setComposite(before);
        g.setColor(MetricsChart.GRID);
        g.drawRect(AREA.x, AREA.y, AREA.width - 1, AREA.height - 1);

        EpochMeasures now = epochs.get(Math.min(epoch, epochs.size() - 1));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(Fonts.sans(12f));
        FontMetrics fm = g.getFontMetrics();
        int x = AREA.x + 8;
        for (Measure m : shown) {
            String text = String.format(Locale.ROOT, m == Measure.TRUSTWORTHINESS ? "%s %.3f" : "%s %.2f",
                    m == Measure.TRUSTWORTHINESS ? "trust" : m == Measure.NEIGHBOURS_KEPT ? "kept" : "10-NN", m.of(now));
            g.setColor(m.colour);
            g.drawString(text, x, AREA.y + 4 + fm.getAscent());
            x += fm.stringWidth(text) + 12;
        }

        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < shown.size(); s++) {
            data.addSeries(shown.get(s).series(epochs, epoch, false));
            lines.setSeriesPaint(s, shown.get(s).colour);
            lines.setSeriesStroke(s, new BasicStroke(1.5f));
        }
        NumberAxis epochAxis = new NumberAxis();
        epochAxis.setRange(0, Math.max(1, last));
        epochAxis.setVisible(false);
        NumberAxis valueAxis = new NumberAxis();
        valueAxis.setRange(low, high);
        valueAxis.setVisible(false);
        XYPlot plot = new XYPlot(data, epochAxis, valueAxis, lines);
        MetricsChart.mark(plot, phases, null);
        JFreeChart chart = BareChart.of(plot);
        chart.draw(g, new Rectangle(AREA.x + 8, AREA.y + TEXT_HEIGHT + 6, AREA.width - 16, AREA.height - TEXT_HEIGHT - 14));
    }
}
