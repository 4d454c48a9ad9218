package org.umapanim.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one typeface of every picture: DejaVu Sans, shipped in our resources (Bitstream Vera
 * licence, see DejaVuSans-LICENSE.txt beside it) because a fresh headless machine may have no
 * fonts at all, and so that frames look the same everywhere.
 */
final class Fonts {
    private static final Font BASE = load();

    private Fonts() {}

    static Font sans(float size) {
        return BASE.deriveFont(Font.PLAIN, size);
    }

    /**
     * DejaVu Sans if it has every glyph of {@code text}; else Java's logical sans-serif font,
     * which falls back on whatever the system has (a user's title in Chinese, say).
     */
    static Font sansFor(String text, float size) {
        Font font = sans(size);
        return font.canDisplayUpTo(text) == -1 ? font : new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(size);
    }

    private static Font load() {
        try (InputStream in = Fonts.class.getResourceAsStream("DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("DejaVuSans.ttf is missing from the jar");
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the bundled DejaVu Sans font: " + e.getMessage(), e);
        }
    }
}
