package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umapanim.dataset.ImageShape;

class MetricsInsetTest {
    private static final int LAST = 100;
    private static final Rectangle AREA = MetricsInset.AREA;
    private static String[] labels;
    private static FramePainter plain;
    private static FramePainter withInset;

    @BeforeAll
    static void setUp() {
        labels = FakeData.labels(2000, 10);
        Legend legend = Legend.images(labels, FakeData.digitImages(labels), new ImageShape(28, 28), 42);
        plain = new FramePainter(legend, labels, FakeData.look(2));
        withInset = new FramePainter(legend, labels, FakeData.look(2), new MetricsInset(FakeMeasures.improving(LAST, true)));
    }

    private static BufferedImage frame(FramePainter painter, int epoch) {
        return painter.paint(epoch, LAST, FakeData.layout(labels, 10, epoch, LAST, epoch), View.WHOLE);
    }

    /** The rightmost column of the inset's chart where a line of {@code m} is drawn, or -1. */
    private static int reach(BufferedImage f, Measure m) {
        int right = -1;
        int[] ys = MetricsChartTest.pixelsOf(f, m, AREA.x, AREA.y + 26, AREA.x + AREA.width, AREA.y + AREA.height);
        for (int x = AREA.x; x < AREA.x + AREA.width; x++) {
            if (MetricsChartTest.pixelsOf(f, m, x, AREA.y + 26, x + 1, AREA.y + AREA.height).length > 0) {
                right = x;
            }
        }
        return ys.length == 0 ? -1 : right;
    }

    @Test
    void theInsetChangesOnlyItsCornerOfTheFrame() {
        BufferedImage before = frame(plain, 60);
        BufferedImage after = frame(withInset, 60);
        int changed = 0;
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 1100; x++) {
                boolean inside = AREA.contains(x, y);
                if (Pixels.rgb(before, x, y) != Pixels.rgb(after, x, y)) {
                    assertThat(inside).as("pixel %d,%d outside the inset changed", x, y).isTrue();
                    changed++;
                }
            }
        }
        assertThat(changed).isGreaterThan(1000);
        assertThat(AREA.x + AREA.width).as("inside the plot panel").isLessThanOrEqualTo(800);
        assertThat(AREA.y + AREA.height).isLessThanOrEqualTo(800);
    }

    @Test
    void theLinesGrowWithTheEpochsOnAFixedAxis() {
        int start = reach(frame(withInset, 1), Measure.TRUSTWORTHINESS);
        int half = reach(frame(withInset, 50), Measure.TRUSTWORTHINESS);
        int end = reach(frame(withInset, LAST), Measure.TRUSTWORTHINESS);
        assertThat(start).isBetween(AREA.x, AREA.x + 20);
        assertThat(end).isBetween(AREA.x + AREA.width - 20, AREA.x + AREA.width);
        assertThat(half).isCloseTo((start + end) / 2, org.assertj.core.data.Offset.offset(6));
        for (Measure m : new Measure[] {Measure.NEIGHBOURS_KEPT, Measure.LABEL_ACCURACY}) {
            assertThat(reach(frame(withInset, LAST), m)).as("%s drawn", m).isGreaterThan(half);
        }
        assertThat(reach(frame(withInset, LAST), Measure.LOSS)).as("only the three quality measures").isEqualTo(-1);
    }

    @Test
    void theCurrentValuesAreWrittenAboveTheChart() {
        // the text row: each value in its line's colour, and it changes with the epoch
        BufferedImage early = frame(withInset, 0);
        BufferedImage late = frame(withInset, LAST);
        for (Measure m : new Measure[] {Measure.TRUSTWORTHINESS, Measure.NEIGHBOURS_KEPT, Measure.LABEL_ACCURACY}) {
            assertThat(MetricsChartTest.pixelsOf(late, m, AREA.x, AREA.y, AREA.x + AREA.width, AREA.y + 22).length)
                    .as("%s value", m).isGreaterThan(10);
        }
        assertThat(Pixels.sameRegion(early, late, AREA.x, AREA.y, AREA.x + AREA.width, AREA.y + 22)).isFalse();
    }
}
