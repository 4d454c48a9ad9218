package org.umapanim.render;

import java.awt.Color;

/**
 * Class colours, chosen by how many classes there are:
 * <ul>
 *   <li>1 class (unlabelled data): one colour, Paired's light blue #A6CEE3;</li>
 *   <li>2–9 classes: ColorBrewer <b>Set1</b>, whose colours are the most distinct for few classes;</li>
 *   <li>10–12 classes: ColorBrewer <b>Paired</b> (the original's palette; ten classes use its first ten);</li>
 *   <li>13 or more: hues spaced evenly around the colour wheel, alternately bright and dimmer
 *       so that neighbouring hues stay apart.</li>
 * </ul>
 * All of them are readable on the black background.
 */
public final class Palette {
    static final int[] PAIRED = {
        0xA6CEE3, 0x1F78B4, 0xB2DF8A, 0x33A02C, 0xFB9A99, 0xE31A1C,
        0xFDBF6F, 0xFF7F00, 0xCAB2D6, 0x6A3D9A, 0xFFFF99, 0xB15928,
    };
    static final int[] SET1 = {
        0xE41A1C, 0x377EB8, 0x4DAF4A, 0x984EA3, 0xFF7F00, 0xFFFF33, 0xA65628, 0xF781BF, 0x999999,
    };
    static final int UNLABELLED = 0xA6CEE3;

    private final int[] rgb;

    private Palette(int[] rgb) {
        this.rgb = rgb;
    }

    public static Palette forClasses(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a palette needs at least one class, got " + count);
        }
        int[] rgb = new int[count];
        for (int c = 0; c < count; c++) {
            if (count == 1) {
                rgb[c] = UNLABELLED;
            } else if (count <= SET1.length) {
                rgb[c] = SET1[c];
            } else if (count <= PAIRED.length) {
                rgb[c] = PAIRED[c];
            } else {
                float brightness = c % 2 == 0 ? 1.0f : 0.72f;
                rgb[c] = Color.HSBtoRGB((float) c / count, 0.75f, brightness) & 0xFFFFFF;
            }
        }
        return new Palette(rgb);
    }

    public int size() {
        return rgb.length;
    }

    /** The class colour as 0xRRGGBB. */
    public int rgb(int c) {
        return rgb[c];
    }

    public Color color(int c) {
        return new Color(rgb[c]);
    }
}
