package org.umapanim.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The README's picture: the final epoch's plot panel alone at 400x400, with a colour key in the
 * bottom right corner as in the original (none for unlabelled data or more than 30 classes). It is
 * drawn at the reference frame's 800x800 scale, whatever the frames' size, and halved by averaging
 * 2x2 blocks, which smooths text and dots like supersampling.
 */
public final class IntroPainter {
    public static final int SIZE = Layout.PANEL / 2;

    private static final int KEY_MARGIN = 20;
    private static final int KEY_DOT = 16;
    private static final int KEY_ROW = 40;
    private static final float KEY_TEXT = 22f;
    /** Past this many classes a key of dots would cover the picture and tell nothing. */
    static final int MAX_KEY_CLASSES = 30;

    private final Classes classes;
    private final Palette palette;
    private final RenderOptions options;
    private final double dot;

    /** The picture for {@code labels} whose classes follow {@link Classes#of(String[])}. */
    public IntroPainter(String[] labels, RenderOptions o) {
        this(Classes.of(labels), o);
    }

    /** The picture with the key in the order of {@code classes}. */
    public IntroPainter(Classes classes, RenderOptions o) {
        this.classes = classes;
        this.palette = Palette.forClasses(classes.count());
        this.options = o;
        this.dot = o.dot() != null ? o.dot() : Dots.size(classes.points(), Layout.DATA_AREA.width);
    }

    /**
     * The picture of the final layout {@code xy}, through the fixed camera whatever the frames used:
     * the follow camera's tight framing would put points under the key.
     */
    public BufferedImage paint(float[] xy) {
        BufferedImage big = new BufferedImage(Layout.PANEL, Layout.PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, Layout.PANEL, Layout.PANEL);
            Header.drawText(g, options);
            Header.drawProgress(g, 1, 1);
            boolean density = options.density().drawn(classes.points(), Layout.DATA_AREA.width);
            new ScatterChart(classes, palette, dot, density).draw(g, Layout.DATA_AREA, xy, View.WHOLE);
            if (classes.count() > 1 && classes.count() <= MAX_KEY_CLASSES) {
                drawKey(g);
            }
        } finally {
            g.dispose();
        }
        return halve(big);
    }

    /** Class dots and names, filled column by column in as few rows as fit the panel's width. */
    private void drawKey(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font font = Fonts.sansFor(classes.allNames(), KEY_TEXT);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int k = classes.count();
        int nameWidth = 0;
        for (int c = 0; c < k; c++) {
            nameWidth = Math.max(nameWidth, fm.stringWidth(classes.name(c)));
        }
        int entry = KEY_DOT + 10 + nameWidth + 22;
        int available = Layout.PANEL - 2 * KEY_MARGIN;
        int rows = Math.min(k, 2);
        while (rows < k && ((k + rows - 1) / rows) * entry > available) {
            rows++;
        }
        int cols = (k + rows - 1) / rows;
        int left = Layout.PANEL - KEY_MARGIN - cols * entry + 22;
        int top = Layout.PANEL - KEY_MARGIN - rows * KEY_ROW;
        for (int c = 0; c < k; c++) {
            int x = left + (c / rows) * entry;
            int mid = top + (c % rows) * KEY_ROW + KEY_ROW / 2;
            g.setColor(palette.color(c));
            g.fillOval(x, mid - KEY_DOT / 2, KEY_DOT, KEY_DOT);
            g.setColor(Color.WHITE);
            g.drawString(classes.name(c), x + KEY_DOT + 10, mid + (fm.getAscent() - fm.getDescent()) / 2);
        }
    }

    private static BufferedImage halve(BufferedImage big) {
        int w = big.getWidth() / 2;
        int h = big.getHeight() / 2;
        int[] src = ImagePixels.of(big);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ImagePixels.of(small);
        int sw = big.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 2 * y * sw + 2 * x;
                int a = src[i], b = src[i + 1], c = src[i + sw], d = src[i + sw + 1];
                int r = (((a >> 16) & 255) + ((b >> 16) & 255) + ((c >> 16) & 255) + ((d >> 16) & 255) + 2) / 4;
                int gr = (((a >> 8) & 255) + ((b >> 8) & 255) + ((c >> 8) & 255) + ((d >> 8) & 255) + 2) / 4;
                int bl = ((a & 255) + (b & 255) + (c & 255) + (d & 255) + 2) / 4;
                dst[y * w + x] = r << 16 | gr << 8 | bl;
            }
        }
        return small;
    }
}
