package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class IntroPainterTest {
    @Test
    void smallFinalPictureWithColourKeyBottomRight() {
        String[] labels = FakeData.labels(3000, 10);
        float[] xy = FakeData.layout(labels, 10, 200, 200, 9);
        BufferedImage intro = new IntroPainter(labels, FakeData.look(2)).paint(xy);
        assertThat(intro.getWidth()).isEqualTo(400);
        assertThat(intro.getHeight()).isEqualTo(400);
        assertThat(Pixels.light(intro, 200, 15, 15, 390, 50)).as("title and subtitle").isGreaterThan(200);
        assertThat(Pixels.whiteRun(intro, Layout.MARGIN_LEFT / 2, Layout.LINE_Y / 2)).as("full progress line")
                .isBetween(350, 360);
        Palette palette = Palette.forClasses(10);
        for (int c = 0; c < 10; c++) {
            // the key's dots are 8 px across at this size, so their centres carry the pure colour
            assertThat(near(intro, palette.rgb(c), 200, 330, 400, 400)).as("key dot of class %d", c).isGreaterThan(10);
        }
    }

    @Test
    void unlabelledDataHasNoKey() {
        String[] labels = new String[2000];
        float[] xy = new float[4000];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < xy.length; i++) {
            xy[i] = 0.4f + 0.2f * random.nextFloat();
        }
        BufferedImage intro = new IntroPainter(labels, FakeData.look(2)).paint(xy);
        assertThat(near(intro, Palette.forClasses(1).rgb(0), 200, 340, 400, 400)).isZero();
        assertThat(near(intro, Palette.forClasses(1).rgb(0), 150, 150, 250, 250)).as("the points").isGreaterThan(0);
    }

    /** Pixels within a small distance of {@code rgb} (halving blends edges). */
    private static int near(BufferedImage img, int rgb, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = Pixels.rgb(img, x, y);
                int d = Math.abs((p >> 16 & 255) - (rgb >> 16 & 255)) + Math.abs((p >> 8 & 255) - (rgb >> 8 & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                if (d <= 6) {
                    n++;
                }
            }
        }
        return n;
    }
}
