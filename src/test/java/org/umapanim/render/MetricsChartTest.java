package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsChartTest {

    /** Pixels within a small distance of a line's colour (the cores of antialiased lines). */
    static int[] pixelsOf(BufferedImage img, Measure m, int x0, int y0, int x1, int y1) {
        int rgb = m.colour.getRGB();
        java.util.List<Integer> ys = new java.util.ArrayList<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = img.getRGB(x, y);
                int dr = (p >> 16 & 255) - (rgb >> 16 & 255);
                int dg = (p >> 8 & 255) - (rgb >> 8 & 255);
                int db = (p & 255) - (rgb & 255);
                if (dr * dr + dg * dg + db * db < 20 * 20) {
                    ys.add(y);
                }
            }
        }
        return ys.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double meanY(BufferedImage img, Measure m, int x0, int x1) {
        return java.util.Arrays.stream(pixelsOf(img, m, x0, 0, x1, img.getHeight())).average().orElse(Double.NaN);
    }

    @Test
    void smallMultiplesOnBlackOneLinePerMeasureGoingTheRightWay() {
        BufferedImage chart = MetricsChart.paint(FakeMeasures.improving(100, true), "epoch");
        assertThat(chart.getWidth()).isEqualTo(800);
        assertThat(chart.getHeight()).isEqualTo(900);
        for (int[] p : new int[][] {{0, 0}, {799, 0}, {0, 899}, {799, 899}}) {
            assertThat(Pixels.rgb(chart, p[0], p[1])).isZero();
        }
        assertThat(Pixels.count(chart, 0, 0, 0, 800, 900)).as("mostly black").isGreaterThan(800 * 900 / 2);
        assertThat(Pixels.light(chart, 200, 100, 0, 700, 45)).as("white title").isGreaterThan(300);

        double previous = -1;
        for (Measure m : Measure.values()) {
            assertThat(pixelsOf(chart, m, 0, 0, 800, 900).length).as("%s is drawn", m).isGreaterThan(300);
            double y = meanY(chart, m, 0, 800);
            if (m != Measure.MOTION_P95) {
                assertThat(y).as("%s sits below the panel before it", m).isGreaterThan(previous);
                previous = y;
            }
        }
        // y grows downwards: rising measures end higher than they start, falling ones lower
        for (Measure rising : new Measure[] {Measure.TRUSTWORTHINESS, Measure.NEIGHBOURS_KEPT, Measure.LABEL_ACCURACY}) {
            assertThat(meanY(chart, rising, 650, 780)).as("%s rises", rising).isLessThan(meanY(chart, rising, 80, 200) - 40);
        }
        for (Measure falling : new Measure[] {Measure.LOSS, Measure.MOTION_MEDIAN, Measure.MOTION_P95}) {
            assertThat(meanY(chart, falling, 650, 780)).as("%s falls", falling).isGreaterThan(meanY(chart, falling, 80, 200) + 40);
        }
        assertThat(meanY(chart, Measure.MOTION_MEDIAN, 80, 780)).as("the median below the 95th percentile")
                .isGreaterThan(meanY(chart, Measure.MOTION_P95, 80, 780));
    }

    @Test
    void unlabelledDataHasNoAccuracyPanel() {
        BufferedImage chart = MetricsChart.paint(FakeMeasures.improving(50, false), "epoch");
        assertThat(pixelsOf(chart, Measure.LABEL_ACCURACY, 0, 0, 800, 900)).isEmpty();
        assertThat(pixelsOf(chart, Measure.TRUSTWORTHINESS, 0, 0, 800, 900).length).isGreaterThan(300);
    }

    @Test
    void writtenAsAPngInPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("images/metrics.png");
        MetricsChart.write(FakeMeasures.improving(20, true), "epoch", file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(MetricsChart.WIDTH);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("metrics.png");
        }
    }
}
