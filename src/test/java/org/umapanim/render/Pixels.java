package org.umapanim.render;

import java.awt.image.BufferedImage;

/** Pixel counting helpers for the render tests. */
final class Pixels {
    private Pixels() {}

    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /** Pixels of exactly {@code rgb} in the rectangle [x0,x1) x [y0,y1). */
    static int count(BufferedImage img, int rgb, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (rgb(img, x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels brighter than {@code level} in every channel, i.e. white or light grey text. */
    static int light(BufferedImage img, int level, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = rgb(img, x, y);
                if ((p >> 16 & 255) > level && (p >> 8 & 255) > level && (p & 255) > level) {
                    n++;
                }
            }
        }
        return n;
    }

    static boolean sameRegion(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (rgb(a, x, y) != rgb(b, x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Length of the white run starting at x on row y. */
    static int whiteRun(BufferedImage img, int x, int y) {
        int n = 0;
        while (x + n < img.getWidth() && rgb(img, x + n, y) == 0xFFFFFF) {
            n++;
        }
        return n;
    }
}
