package org.umapanim.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.umapanim.store.StepPhase;

/**
 * Draws one moment of the run as a frame: black background, title, subtitle, progress line and the
 * scatter plot on the left, the legend on the right, laid out on the 1100x800 reference frame and
 * scaled to the frame's size ({@link FrameSize}). Everything but the line and the points is the
 * same in every frame, so it is drawn once and each frame starts as a copy of it.
 * Thread-safe: frames can be painted in parallel.
 */
public final class FramePainter {
    private final int width;
    private final int height;
    private final AffineTransform fromReference;
    private final Rectangle2D dataArea;
    private final Rectangle2D plotPanel;
    private final int[] background;
    private final ScatterChart chart;
    private final MetricsInset inset;
    private final List<StepPhase> phases;

    public FramePainter(Legend legend, String[] labels, RenderOptions o) {
        this(legend, labels, o, null);
    }

    /** @param insetOrNull a chart of the measures drawn over the plot's corner, or null for the original look */
    public FramePainter(Legend legend, String[] labels, RenderOptions o, MetricsInset insetOrNull) {
        this(legend, labels, o, insetOrNull, List.of());
    }

    /** @param phases the run's phases ({@link StepPhase}), marked on the progress line */
    public FramePainter(Legend legend, String[] labels, RenderOptions o, MetricsInset insetOrNull,
                        List<StepPhase> phases) {
        this(legend, Classes.of(labels), o, insetOrNull, phases);
    }

    /**
     * @param classes     the points' classes, in the legend's order (colours follow it)
     * @param insetOrNull a chart of the measures drawn over the plot's corner, or null for the original look
     * @param phases      the run's phases ({@link StepPhase}), marked on the progress line
     */
    public FramePainter(Legend legend, Classes classes, RenderOptions o, MetricsInset insetOrNull,
                        List<StepPhase> phases) {
        this.inset = insetOrNull;
        this.phases = List.copyOf(phases);
        FrameSize size = o.size();
        this.width = size.pixelWidth();
        this.height = size.pixelHeight();
        this.fromReference = size.fromReference();
        this.dataArea = size.toPixels(Layout.DATA_AREA);
        this.plotPanel = size.toPixels(new java.awt.Rectangle(0, 0, Layout.PANEL, Layout.FRAME_HEIGHT));
        double dot = o.dot() != null ? o.dot() * size.scale() : Dots.size(classes.points(), dataArea.getWidth());
        this.chart = new ScatterChart(classes, Palette.forClasses(classes.count()), dot,
                o.density().drawn(classes.points(), dataArea.getWidth()));
        BufferedImage base = newFrame();
        Graphics2D g = base.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            g.transform(fromReference);
            Header.drawText(g, o);
            g.translate(Layout.PANEL, 0);
            legend.draw(g);
        } finally {
            g.dispose();
        }
        this.background = ImagePixels.of(base);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The frame showing {@code xy} (x=xy[2i], y=xy[2i+1], normalised) through {@code view}, with the
     * progress line at {@code epoch} of {@code lastEpoch}; {@code epoch} is fractional for frames
     * between drawn epochs.
     */
    public BufferedImage paint(double epoch, int lastEpoch, float[] xy, View view) {
        BufferedImage frame = newFrame();
        System.arraycopy(background, 0, ImagePixels.of(frame), 0, background.length);
        Graphics2D g = frame.createGraphics();
        try {
            Graphics2D header = (Graphics2D) g.create();
            header.transform(fromReference);
            Header.drawProgress(header, epoch, lastEpoch, phases);
            header.dispose();
            // Points never spill into the legend, whatever their coordinates.
            g.clip(plotPanel);
            chart.draw(g, dataArea, xy, view);

        } finally {
            g.dispose();
        }
        if (inset != null) {
            // laid out on the 1100×800 reference frame like the header, on a Graphics of its own:
            // JFreeChart leaves its rendering hints (antialiasing) on the one it drew with
            Graphics2D corner = frame.createGraphics();
            try {
                corner.clip(plotPanel);
                corner.transform(fromReference);
                inset.draw(corner, (int) Math.floor(epoch));
            } finally {
                corner.dispose();
            }
        }
        return frame;
    }

    private BufferedImage newFrame() {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }
}
