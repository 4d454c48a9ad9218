package org.umapanim.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.umapanim.store.StepPhase;

/** Title, subtitle and progress line of the plot panel, in the reference frame's coordinates. */
final class Header {
    /** A phase's stretch of the progress line, under the white of the steps done. */
    static final Color PHASE = new Color(0x5A5A5A);
    /** The phase's name over the line's right end while the frame is in it. */
    static final Color PHASE_TEXT = new Color(0xBBBBBB);
    static final float PHASE_SIZE = 14f;
    static final int PHASE_BASELINE = Layout.LINE_Y - 6;

    private Header() {}

    static void drawText(Graphics2D g, RenderOptions o) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        drawLine(g, o.title(), Layout.TITLE_SIZE, Layout.TITLE_BASELINE);
        drawLine(g, o.subtitle(), Layout.SUBTITLE_SIZE, Layout.SUBTITLE_BASELINE);
    }

    /** Long user titles shrink to the width of the full progress line rather than run off the panel. */
    private static void drawLine(Graphics2D g, String text, float size, int baseline) {
        if (text.isEmpty()) {
            return;
        }
        Font font = Fonts.sansFor(text, size);
        double width = font.getStringBounds(text, g.getFontRenderContext()).getWidth();
        if (width > Layout.LINE_LENGTH) {
            font = font.deriveFont((float) (size * Layout.LINE_LENGTH / width));
        }
        g.setFont(font);
        g.drawString(text, Layout.MARGIN_LEFT, baseline);
    }

    /** The line after {@code epoch}, which may be fractional: frames between drawn epochs move it on too. */
    static void drawProgress(Graphics2D g, double epoch, int lastEpoch) {
        drawProgress(g, epoch, lastEpoch, List.of());
    }

    /**
     * The line after {@code epoch} with each of the run's {@code phases} as a grey stretch of it,
     * and the name of the phase the frame is in over the line's end, so a viewer knows why a
     * t-SNE layout shrinks and barely moves: "early exaggeration".
     */
    static void drawProgress(Graphics2D g, double epoch, int lastEpoch, List<StepPhase> phases) {
        for (StepPhase p : phases) {
            double from = Layout.lineLength(p.first() - 1, lastEpoch);
            double to = Layout.lineLength(p.last(), lastEpoch);
            g.setColor(PHASE);
            g.fill(new Rectangle2D.Double(Layout.MARGIN_LEFT + from, Layout.LINE_Y, to - from, Layout.LINE_THICKNESS));
        }
        StepPhase now = StepPhase.at(phases, (int) Math.floor(epoch));
        if (now != null) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            Font font = Fonts.sans(PHASE_SIZE);
            g.setFont(font);
            g.setColor(PHASE_TEXT);
            double width = font.getStringBounds(now.name(), g.getFontRenderContext()).getWidth();
            g.drawString(now.name(), (float) (Layout.MARGIN_LEFT + Layout.LINE_LENGTH - width), PHASE_BASELINE);
        }
        double length = Layout.lineLength(epoch, lastEpoch);
        if (length > 0) {
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(Layout.MARGIN_LEFT, Layout.LINE_Y, length, Layout.LINE_THICKNESS));
        }
    }
}
