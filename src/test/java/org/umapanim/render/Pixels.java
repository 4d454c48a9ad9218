package org.umapanim.render;

import java.awt.image.BufferedImage;

/** Pixel counting helpers for the render tests. */
final class Pixels {
    private Pixels() {}

    /** The legend drawn alone at its reference size, 300x800, as the frames show it at scale 1. */
    static BufferedImage panel(Legend legend) {
        BufferedImage panel = new BufferedImage(Legend.WIDTH, Legend.HEIGHT, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = panel.createGraphics();
        legend.draw(g);
        g.dispose();
        return panel;
    }

    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /** Pixels of exactly {@code rgb} in the rectangle [x0,x1) x [y0,y1). */
    static int count(BufferedImage img, int rgb, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int p : region(img, x0, y0, x1, y1)) {
            if ((p & 0xFFFFFF) == rgb) {
                n++;
            }
        }
        return n;
    }

    /** The pixels of [x0,x1) x [y0,y1), clipped to the image, as 0xAARRGGBB. */
    static int[] region(BufferedImage img, int x0, int y0, int x1, int y1) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(img.getWidth(), x1);
        y1 = Math.min(img.getHeight(), y1);
        if (x1 <= x0 || y1 <= y0) {
            return new int[0];
        }
        return img.getRGB(x0, y0, x1 - x0, y1 - y0, null, 0, x1 - x0);
    }

    /** Pixels brighter than {@code level} in every channel, i.e. white or light grey text. */
    static int light(BufferedImage img, int level, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int p : region(img, x0, y0, x1, y1)) {
            if ((p >> 16 & 255) > level && (p >> 8 & 255) > level && (p & 255) > level) {
                n++;
            }
        }
        return n;
    }

    static boolean sameRegion(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        int[] pa = region(a, x0, y0, x1, y1);
        int[] pb = region(b, x0, y0, x1, y1);
        for (int i = 0; i < pa.length; i++) {
            if ((pa[i] & 0xFFFFFF) != (pb[i] & 0xFFFFFF)) {
                return false;
            }
        }
        return pa.length == pb.length;
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
