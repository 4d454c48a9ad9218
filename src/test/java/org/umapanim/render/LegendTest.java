package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.umapanim.dataset.ImageShape;

class LegendTest {
    private static final ImageShape MNIST = new ImageShape(28, 28);

    @Test
    void imageLegendShowsEveryClassInItsColourInTwoColumnsOfFive() {
        String[] labels = FakeData.labels(500, 10);
        Legend legend = Legend.images(labels, FakeData.digitImages(labels), MNIST, 7);
        BufferedImage panel = Pixels.panel(legend);
        assertThat(panel.getWidth()).isEqualTo(300);
        assertThat(panel.getHeight()).isEqualTo(800);
        Palette palette = Palette.forClasses(10);
        for (int c = 0; c < 10; c++) {
            // class c sits in column c % 2, row c / 2 of 150x150 cells starting 25 px down
            int x0 = (c % 2) * 150;
            int y0 = 25 + (c / 2) * 150;
            assertThat(Pixels.count(panel, palette.rgb(c), x0, y0, x0 + 150, y0 + 150))
                    .as("full-ink pixels of class %d in its cell", c).isGreaterThan(100);
            assertThat(Pixels.count(panel, palette.rgb(c), 0, 0, 300, 800))
                    .as("class %d only in its own cell", c)
                    .isEqualTo(Pixels.count(panel, palette.rgb(c), x0, y0, x0 + 150, y0 + 150));
        }
    }

    @Test
    void inkBecomesOpacityOfTheClassColour() {
        String[] labels = {"0", "1"};
        float[] rows = new float[2 * 784];
        rows[0] = 255;         // class 0, top-left pixel: full ink
        rows[1] = 128;         // next pixel: half ink
        rows[784 + 783] = 255; // class 1, bottom-right pixel
        BufferedImage panel = Pixels.panel(Legend.images(labels, rows, MNIST, 1));
        Palette palette = Palette.forClasses(2);
        assertThat(Pixels.count(panel, palette.rgb(0), 0, 0, 300, 800)).isEqualTo(25); // one 5x5 tile
        int half = blend(palette.rgb(0), 128);
        assertThat(Pixels.count(panel, half, 0, 0, 300, 800)).isEqualTo(25);
        assertThat(Pixels.count(panel, palette.rgb(1), 150, 0, 300, 800)).isEqualTo(25);
    }

    @Test
    void sameSeedSameSamplesDifferentSeedOtherSamples() {
        String[] labels = FakeData.labels(1000, 10);
        float[] rows = FakeData.digitImages(labels);
        int[] a = Legend.images(labels, rows, MNIST, 42).samples();
        int[] b = Legend.images(labels, rows, MNIST, 42).samples();
        int[] c = Legend.images(labels, rows, MNIST, 43).samples();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        for (int k = 0; k < 10; k++) {
            assertThat(labels[a[k]]).isEqualTo(Integer.toString(k));
        }
    }

    @Test
    void dataWithoutPixelGridGetsColourSwatchesWithNames() {
        String[] labels = {"setosa", "versicolor", "virginica", "setosa"};
        BufferedImage panel = Pixels.panel(Legend.swatches(labels));
        Palette palette = Palette.forClasses(3);
        for (int c = 0; c < 3; c++) {
            assertThat(Pixels.count(panel, palette.rgb(c), 0, 0, 300, 800)).as("swatch %d", c).isGreaterThan(100);
        }
        assertThat(Pixels.light(panel, 200, 0, 0, 300, 800)).as("class names in white").isGreaterThan(50);
        assertThat(Legend.swatches(labels).samples()).isEmpty();
    }

    @Test
    void manyClassesStillGetOneSwatchEach() {
        String[] labels = FakeData.labels(60, 15);
        BufferedImage panel = Pixels.panel(Legend.swatches(labels));
        Palette palette = Palette.forClasses(15);
        for (int c = 0; c < 15; c++) {
            assertThat(Pixels.count(panel, palette.rgb(c), 0, 0, 300, 800)).as("swatch %d", c).isGreaterThan(20);
        }
    }

    @Test
    void unlabelledImagesShowTenDifferentSamplesInTheOneColour() {
        String[] labels = new String[300];
        java.util.Arrays.fill(labels, "");
        String[] digits = FakeData.labels(300, 10);
        Legend legend = Legend.images(labels, FakeData.digitImages(digits), MNIST, 3);
        assertThat(legend.samples()).hasSize(10).doesNotHaveDuplicates();
        int colour = Palette.forClasses(1).rgb(0);
        for (int s = 0; s < 10; s++) {
            int x0 = (s % 2) * 150;
            int y0 = 25 + (s / 2) * 150;
            assertThat(Pixels.count(Pixels.panel(legend), colour, x0, y0, x0 + 150, y0 + 150)).as("sample %d", s)
                    .isGreaterThan(100);
        }
    }

    @Test
    void unlabelledDataHasOneSwatch() {
        BufferedImage panel = Pixels.panel(Legend.swatches(new String[] {null, null}));
        assertThat(Pixels.count(panel, 0xA6CEE3, 0, 0, 300, 800)).isGreaterThan(100);
    }

    private static int blend(int rgb, int alpha) {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = one.createGraphics();
        g.setColor(new java.awt.Color(rgb | alpha << 24, true));
        g.fillRect(0, 0, 1, 1);
        g.dispose();
        return one.getRGB(0, 0) & 0xFFFFFF;
    }
}
