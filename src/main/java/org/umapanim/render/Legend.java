package org.umapanim.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;

/**
 * The 300x800 panel to the right of the plot, drawn once per run (at the frames' scale) into the
 * background every frame starts from.
 * Image data: one sample image per class, two columns (five rows for ten classes), each pixel a
 * tile in the class colour with opacity ink/255 — the samples picked with a fixed seed, so every
 * frame shows the same ones (the original re-drew them and the legend flickered).
 * Other data: a colour swatch and the class name per class.
 */
public final class Legend {
    public static final int WIDTH = Layout.LEGEND_WIDTH;
    public static final int HEIGHT = Layout.FRAME_HEIGHT;

    /** The original's cells: 150x150, five rows starting 25 px from the top, images of 28x5 px. */
    private static final int CELL = 150;
    private static final int GAP = 10;
    private static final int UNLABELLED_SAMPLES = 10;

    private final Consumer<Graphics2D> drawing;
    private final int[] samples;

    private Legend(Consumer<Graphics2D> drawing, int[] samples) {
        this.drawing = drawing;
        this.samples = samples;
    }

    /** A legend for {@code data}: sample images if it has a pixel grid, else colour swatches. */
    public static Legend of(Classes classes, Dataset data, long seed) {
        return data.image().isPresent()
                ? images(classes, data.values(), data.image().get(), seed)
                : swatches(classes);
    }

    /** A legend for {@code data} whose classes follow {@link Classes#of(String[])}. */
    public static Legend of(String[] labels, Dataset data, long seed) {
        return of(Classes.of(labels), data, seed);
    }

    /**
     * One seeded sample image per class, the classes as {@link Classes#of(String[])} orders them.
     *
     * @param rows  the images, row-major, {@code shape.pixels()} values 0–255 per point
     */
    public static Legend images(String[] labels, float[] rows, ImageShape shape, long seed) {
        return images(Classes.of(labels), rows, shape, seed);
    }

    /** One seeded sample image per class, in the order of {@code classes} (rows as above). */
    public static Legend images(Classes classes, float[] rows, ImageShape shape, long seed) {
        if ((long) rows.length != (long) classes.points() * shape.pixels()) {
            throw new IllegalArgumentException("image data has " + rows.length + " values, expected "
                    + classes.points() + " points x " + shape.pixels() + " pixels");
        }
        Palette palette = Palette.forClasses(classes.count());
        int[] samples = pickSamples(classes, seed);
        int k = samples.length;
        int cols = Math.max(2, (k + 9) / 10);
        int gridRows = Math.max(1, (k + cols - 1) / cols);
        int cell = Math.min(Math.min(CELL, WIDTH / cols), (HEIGHT - 50) / gridRows);
        int tile = Math.max(1, (cell - GAP) / Math.max(shape.height(), shape.width()));
        int top = (HEIGHT - gridRows * cell) / 2;
        int left = (WIDTH - cols * cell) / 2;

        // only the samples' pixels are kept, not every row
        float[] sampleRows = new float[k * shape.pixels()];
        for (int s = 0; s < k; s++) {
            System.arraycopy(rows, samples[s] * shape.pixels(), sampleRows, s * shape.pixels(), shape.pixels());
        }
        return new Legend(g -> {
            for (int s = 0; s < k; s++) {
                int cx = left + (s % cols) * cell + (cell - tile * shape.width()) / 2;
                int cy = top + (s / cols) * cell + (cell - tile * shape.height()) / 2;
                int rgb = palette.rgb(classes.classOf(samples[s]));
                drawImage(g, sampleRows, s * shape.pixels(), shape, tile, cx, cy, rgb);
            }
        }, samples);
    }

    /** Swatches for {@code labels} whose classes follow {@link Classes#of(String[])}. */
    public static Legend swatches(String[] labels) {
        return swatches(Classes.of(labels));
    }

    /** A colour swatch and the class name per class, in the order of {@code classes}: data without a pixel grid. */
    public static Legend swatches(Classes classes) {
        Palette palette = Palette.forClasses(classes.count());
        int k = classes.count();
        int cols = k <= 12 ? 1 : 2;
        int rows = (k + cols - 1) / cols;
        int rowHeight = Math.max(10, Math.min(60, (HEIGHT - 80) / rows));
        int shown = Math.min(k, cols * ((HEIGHT - 80) / rowHeight));
        int swatch = Math.max(6, rowHeight * 2 / 5);
        int colWidth = (WIDTH - 40) / cols;
        int perColumn = (shown + cols - 1) / cols;
        int top = (HEIGHT - perColumn * rowHeight) / 2;

        return new Legend(g -> {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font font = Fonts.sansFor(classes.allNames(), Math.max(9f, Math.min(22f, rowHeight * 0.45f)));
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            for (int c = 0; c < shown; c++) {
                int x = 20 + (c / perColumn) * colWidth;
                int y = top + (c % perColumn) * rowHeight;
                int mid = y + rowHeight / 2;
                g.setColor(palette.color(c));
                g.fillRect(x, mid - swatch / 2, swatch, swatch);
                g.setColor(Color.WHITE);
                String name = classes.name(c).isEmpty() ? "all points" : classes.name(c);
                String fitted = fit(name, fm, colWidth - swatch - 20);
                g.drawString(fitted, x + swatch + 10, mid + (fm.getAscent() - fm.getDescent()) / 2);
            }
            if (shown < k) {
                g.setColor(Color.WHITE);
                g.drawString("… and " + (k - shown) + " more", 20, HEIGHT - 20);
            }
        }, new int[0]);
    }

    /**
     * Draws the panel on a black background, in its own coordinates: (0,0) to
     * ({@link #WIDTH}, {@link #HEIGHT}); a scaled {@code g} draws it at the frame's scale.
     */
    public void draw(Graphics2D g) {
        Graphics2D own = (Graphics2D) g.create();
        try {
            // the same text whatever the frame's header set before
            own.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            drawing.accept(own);
        } finally {
            own.dispose();
        }
    }

    /** For image legends, the points shown (one per class in class order, or up to ten if unlabelled); else empty. */
    public int[] samples() {
        return samples.clone();
    }

    /**
     * One point per class, in class order; for unlabelled data (one class) up to ten different
     * points instead, so the legend still shows what kind of images the points are.
     */
    private static int[] pickSamples(Classes classes, long seed) {
        Random random = new Random(seed);
        if (classes.count() == 1) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < classes.points(); i++) {
                all.add(i);
            }
            Collections.shuffle(all, random);
            return all.stream().limit(UNLABELLED_SAMPLES).mapToInt(Integer::intValue).toArray();
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes.count(); c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < classes.points(); i++) {
            members.get(classes.classOf(i)).add(i);
        }
        int[] samples = new int[classes.count()];
        for (int c = 0; c < samples.length; c++) {
            List<Integer> m = members.get(c);
            samples[c] = m.get(random.nextInt(m.size()));
        }
        return samples;
    }

    private static void drawImage(Graphics2D g, float[] rows, int offset, ImageShape shape, int tile,
                                  int x0, int y0, int rgb) {
        for (int r = 0; r < shape.height(); r++) {
            for (int col = 0; col < shape.width(); col++) {
                float ink = rows[offset + r * shape.width() + col];
                int alpha = Math.round(Math.max(0f, Math.min(255f, ink)));
                if (alpha > 0) {
                    g.setColor(new Color(rgb | alpha << 24, true));
                    g.fillRect(x0 + col * tile, y0 + r * tile, tile, tile);
                }
            }
        }
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }
}
