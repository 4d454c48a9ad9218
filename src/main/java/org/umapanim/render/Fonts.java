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
