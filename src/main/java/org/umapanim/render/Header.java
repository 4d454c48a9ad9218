package org.umapanim.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;

/** Title, subtitle and progress line of the plot panel, in the reference frame's coordinates. */
final class Header {
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
        double length = Layout.lineLength(epoch, lastEpoch);
        if (length > 0) {
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(Layout.MARGIN_LEFT, Layout.LINE_Y, length, Layout.LINE_THICKNESS));
        }
    }
}
