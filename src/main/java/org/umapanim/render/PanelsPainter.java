package org.umapanim.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.umapanim.store.StepPhase;

/**
 * Draws one moment of a comparison ({@link PanelGrid}): per run its heading, its progress line
 * with its step ("epoch 57 / 200", "iteration 94 / 750 · early exaggeration" in a phase, whose
 * stretch of the line is grey) and its points through its own camera; the shared legend; and
 * the agreement of each pair of runs so far as lines over progress. Headings, legend and the
 * chart's frame are the same in every frame, drawn once into the background each frame copies.
 * Thread-safe: frames can be painted in parallel.
 */
final class PanelsPainter {
    /** The pairs' lines: white first, then colours unlike the class palettes' strongest. */
    private static final Color[] PAIR_COLOURS = {Color.WHITE, new Color(0xFFD34D), new Color(0x7FD0FF),
        new Color(0xFF8F8F), new Color(0xA0E090), new Color(0xD0A0FF)};

    private final int width;
    private final int height;
    private final PanelGrid grid;
    private final List<CompareRun> runs;
    private final List<String> pairNames;
    private final int[] background;
    private final ScatterChart chart;
    private final Font small;

    /**
     * @param pairNames what each pair of runs is called on the chart, in {@code LayoutAgreement.pairs} order
     */
    PanelsPainter(List<CompareRun> runs, List<String> pairNames, Legend legend, Classes classes, FrameSize size,
                  Double dot) {
        this.width = size.pixelWidth();
        this.height = size.pixelHeight();
        this.grid = new PanelGrid(runs.size(), width, height);
        this.runs = List.copyOf(runs);
        this.pairNames = List.copyOf(pairNames);
        double dotPx = dot != null ? dot * size.scale() : Dots.size(classes.points(), grid.side);
        this.chart = new ScatterChart(classes, Palette.forClasses(classes.count()), dotPx, false);
        this.small = Fonts.sans((float) Math.max(9, 15 * grid.factor()));
        BufferedImage base = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = base.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            text(g);
            Font title = Fonts.sans((float) Math.max(10, 24 * grid.factor()));
            for (int r = 0; r < runs.size(); r++) {
                Rectangle2D plot = grid.plot(r);
                g.setColor(Color.WHITE);
                String name = runs.get(r).heading();
                g.setFont(fitted(Fonts.sansFor(name, title.getSize2D()), name, plot.getWidth(), g));
                g.drawString(name, (float) plot.getX(), (float) (plot.getY() - grid.heading * 0.45));
            }
            Graphics2D key = (Graphics2D) g.create();
            key.translate(grid.legend.getX(), grid.legend.getY());
            key.scale(grid.legend.getWidth() / Legend.WIDTH, grid.legend.getHeight() / Legend.HEIGHT);
            legend.draw(key);
            key.dispose();
            g.setFont(small);
            g.setColor(Color.GRAY);
            g.draw(new Rectangle2D.Double(grid.chart.getX(), chartTop(), grid.chart.getWidth(), chartHeight()));
            // the chart's scale: agreement from 0 (nothing shared) to 1 (the same neighbours)
            FontMetrics fm = g.getFontMetrics();
            float right = (float) (grid.chart.getMaxX() + fm.stringWidth(" "));
            g.drawString("1", right, (float) (chartTop() + fm.getAscent() * 0.7));
            g.drawString("0", right, (float) (chartTop() + chartHeight()));
        } finally {
            g.dispose();
        }
        this.background = ImagePixels.of(base);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * The frame showing, for each run, {@code layouts[r]} at {@code steps[r]} through {@code views[r]},
     * and the agreement chart up to frame {@code frame} of {@code trace}.
     */
    BufferedImage paint(double[] steps, List<float[]> layouts, View[] views, AgreementTrace trace, int frame) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        System.arraycopy(background, 0, ImagePixels.of(image), 0, background.length);
        Graphics2D g = image.createGraphics();
        try {
            text(g);
            g.setFont(small);
            FontMetrics fm = g.getFontMetrics();
            for (int r = 0; r < runs.size(); r++) {
                CompareRun run = runs.get(r);
                Rectangle2D plot = grid.plot(r);
                double lineY = plot.getY() - grid.heading * 0.25;
                double thickness = Math.max(1, Layout.LINE_THICKNESS * grid.factor());
                double done = run.last() > 0 ? Math.min(1, steps[r] / run.last()) : 1;
                List<StepPhase> phases = run.history().phases();
                for (StepPhase p : phases) {
                    double from = Layout.lineLength(p.first() - 1, run.last()) / Layout.LINE_LENGTH;
                    double to = Layout.lineLength(p.last(), run.last()) / Layout.LINE_LENGTH;
                    g.setColor(Header.PHASE);
                    g.fill(new Rectangle2D.Double(plot.getX() + from * plot.getWidth(), lineY,
                            (to - from) * plot.getWidth(), thickness));
                }
                g.setColor(Color.WHITE);
                g.fill(new Rectangle2D.Double(plot.getX(), lineY, done * plot.getWidth(), thickness));
                int shown = (int) Math.floor(steps[r]);
                StepPhase now = StepPhase.at(phases, shown);
                String step = run.stepWord() + " " + shown + " / " + run.last() + (now == null ? "" : " · " + now.name());
                g.drawString(step, (float) (plot.getMaxX() - fm.stringWidth(step)),
                        (float) (plot.getY() - grid.heading * 0.45));
            }
            for (int r = 0; r < runs.size(); r++) {
                Graphics2D points = (Graphics2D) g.create();
                Rectangle2D plot = grid.plot(r);
                points.clip(plot);
                chart.draw(points, plot, layouts.get(r), views[r]);
                points.dispose();
            }
            drawAgreement(g, trace, frame);
        } finally {
            g.dispose();
        }
        return image;
    }

    private double chartTop() {
        return grid.chart.getY() + grid.chart.getHeight() * 0.3;
    }

    private double chartHeight() {
        return grid.chart.getHeight() * 0.7;
    }

    /** Each pair's agreement from the first frame to this one, against progress; its name and value above the chart. */
    private void drawAgreement(Graphics2D g, AgreementTrace trace, int frame) {
        if (trace == null || trace.pairs() == 0) {
            return;
        }
        Graphics2D c = (Graphics2D) g.create();
        try {
            c.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            text(c);
            c.setFont(small);
            FontMetrics fm = c.getFontMetrics();
            double x0 = grid.chart.getX(), w = grid.chart.getWidth();
            double y0 = chartTop(), h = chartHeight();
            double label = x0;
            float baseline = (float) (grid.chart.getY() + fm.getAscent());
            c.setColor(Color.LIGHT_GRAY);
            String head = "agreement of the " + trace.k() + " nearest neighbours:";
            c.drawString(head, (float) label, baseline);
            label += fm.stringWidth(head) + fm.stringWidth("  ");
            c.setStroke(new BasicStroke((float) Math.max(1, 1.5 * grid.factor())));
            for (int p = 0; p < trace.pairs(); p++) {
                Color colour = PAIR_COLOURS[p % PAIR_COLOURS.length];
                c.setColor(colour);
                Path2D line = new Path2D.Double();
                for (int f = 0; f <= frame; f++) {
                    double x = x0 + trace.progress(f) * w;
                    double y = y0 + (1 - trace.value(f, p)) * h;
                    if (f == 0) {
                        line.moveTo(x, y);
                    } else {
                        line.lineTo(x, y);
                    }
                }
                c.draw(line);
                String entry = pairNames.get(p) + " " + String.format(Locale.ROOT, "%.2f", trace.value(frame, p));
                c.drawString(entry, (float) label, baseline);
                label += fm.stringWidth(entry) + fm.stringWidth("   ");
            }
        } finally {
            c.dispose();
        }
    }

    private static void text(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /** The font, shrunk so {@code text} fits in {@code width}. */
    private static Font fitted(Font font, String text, double width, Graphics2D g) {
        double w = font.getStringBounds(text, g.getFontRenderContext()).getWidth();
        return w > width * 0.7 ? font.deriveFont((float) (font.getSize2D() * width * 0.7 / w)) : font;
    }
}
