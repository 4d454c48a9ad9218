package org.umapanim.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Draws one epoch as a 1100x800 frame: black background, title, subtitle, progress line and the
 * scatter plot on the left, the legend on the right. Everything but the line and the points is
 * the same in every frame, so it is drawn once and each frame starts as a copy of it.
 * Thread-safe: frames can be painted in parallel.
 */
public final class FramePainter {
    public static final int WIDTH = Layout.FRAME_WIDTH;
    public static final int HEIGHT = Layout.FRAME_HEIGHT;

    private final int[] background;
    private final ScatterChart chart;
    private final MetricsInset inset;

    public FramePainter(Legend legend, String[] labels, RenderOptions o) {
        this(legend, labels, o, null);
    }

    /** @param insetOrNull a chart of the measures drawn over the plot's corner, or null for the original look */
    public FramePainter(Legend legend, String[] labels, RenderOptions o, MetricsInset insetOrNull) {
        this.inset = insetOrNull;
        Classes classes = Classes.of(labels);
        this.chart = new ScatterChart(classes, Palette.forClasses(classes.count()), Layout.DOT);
        BufferedImage base = newFrame();
        Graphics2D g = base.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Header.drawText(g, o);
            g.drawImage(legend.panel(), Layout.PANEL, 0, null);
        } finally {
            g.dispose();
        }
        this.background = pixels(base);
    }

    /** The frame of {@code epoch}; {@code xy} holds x=xy[2i], y=xy[2i+1] in [0,1]. */
    public BufferedImage paint(int epoch, int lastEpoch, float[] xy) {
        BufferedImage frame = newFrame();
        System.arraycopy(background, 0, pixels(frame), 0, background.length);
        Graphics2D g = frame.createGraphics();
        try {
            Header.drawProgress(g, epoch, lastEpoch);
            // Points never spill into the legend, whatever their coordinates.
            g.clipRect(0, 0, Layout.PANEL, HEIGHT);
            chart.draw(g, Layout.DATA_AREA, xy);
            if (inset != null) {
                inset.draw(g, epoch);
            }
        } finally {
            g.dispose();
        }
        return frame;
    }

    private static BufferedImage newFrame() {
        return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
