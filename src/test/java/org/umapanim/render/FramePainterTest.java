package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umapanim.dataset.ImageShape;

class FramePainterTest {
    private static final int LAST = 200;
    private static String[] labels;
    private static Legend legend;
    private static FramePainter painter;

    @BeforeAll
    static void setUp() {
        labels = FakeData.labels(3000, 10);
        legend = Legend.images(labels, FakeData.digitImages(labels), new ImageShape(28, 28), 42);
        painter = new FramePainter(legend, labels, FakeData.look(2));
    }

    private static BufferedImage frame(int epoch) {
        return painter.paint(epoch, LAST, FakeData.layout(labels, 10, epoch, LAST, epoch), View.WHOLE);
    }

    @Test
    void frameIs1100By800OnBlack() {
        BufferedImage f = frame(100);
        assertThat(f.getWidth()).isEqualTo(1100);
        assertThat(f.getHeight()).isEqualTo(800);
        // corners and the strip between header and plot are background
        for (int[] p : new int[][] {{0, 0}, {799, 0}, {0, 799}, {1099, 799}, {10, 400}, {400, 132}}) {
            assertThat(Pixels.rgb(f, p[0], p[1])).as("pixel %d,%d", p[0], p[1]).isZero();
        }
        assertThat(Pixels.count(f, 0x000000, 0, 0, 1100, 800)).as("mostly black").isGreaterThan(1100 * 800 / 2);
    }

    @Test
    void everyClassColourIsDrawnInThePlotPanel() {
        BufferedImage f = frame(LAST);
        Palette palette = Palette.forClasses(10);
        for (int c = 0; c < 10; c++) {
            assertThat(Pixels.count(f, palette.rgb(c), 0, 130, 800, 800)).as("class %d", c).isGreaterThan(200);
        }
    }

    @Test
    void pointsLandWhereTheirCoordinatesSayAndNeverInTheLegend() {
        String[] two = {"0", "1", "1", "1"};
        // class 0 at the bottom-left corner; class 1 at the top right and far outside [0,1]
        float[] xy = {0f, 0f, 1f, 1f, 5f, 0.5f, 1.3f, 0.2f};
        float[] rows = new float[4 * 784];
        Legend empty = Legend.images(two, rows, new ImageShape(28, 28), 1);
        BufferedImage f = new FramePainter(empty, two, FakeData.look(2)).paint(3, 3, xy, View.WHOLE);
        Palette palette = Palette.forClasses(2);
        var area = Layout.DATA_AREA;
        assertThat(Pixels.count(f, palette.rgb(0), area.x - 2, area.y + area.height - 4, area.x + 4,
                area.y + area.height + 2)).as("class 0 at (0,0)").isGreaterThan(0);
        assertThat(Pixels.count(f, palette.rgb(1), area.x + area.width - 4, area.y - 2, area.x + area.width + 2,
                area.y + 4)).as("class 1 at (1,1)").isGreaterThan(0);
        assertThat(Pixels.sameRegion(f, blankFrameLegend(empty), 800, 0, 1100, 800))
                .as("legend panel untouched by points outside [0,1]").isTrue();
    }

    private static BufferedImage blankFrameLegend(Legend legend) {
        BufferedImage f = new BufferedImage(1100, 800, BufferedImage.TYPE_INT_RGB);
        f.getGraphics().drawImage(Pixels.panel(legend), 800, 0, null);
        return f;
    }

    @Test
    void progressLineGrowsWithTheEpoch() {
        int y = Layout.LINE_Y;
        int x = Layout.MARGIN_LEFT;
        assertThat(Pixels.whiteRun(frame(0), x, y)).isZero();
        int quarter = Pixels.whiteRun(frame(50), x, y);
        int half = Pixels.whiteRun(frame(100), x, y);
        int full = Pixels.whiteRun(frame(LAST), x, y);
        assertThat(quarter).isGreaterThan(0).isLessThan(half);
        assertThat(half).isLessThan(full);
        assertThat(full).isBetween(700, 760);
        assertThat(half).isCloseTo(full / 2, org.assertj.core.data.Offset.offset(2));
        // two pixels thick
        assertThat(Pixels.whiteRun(frame(LAST), x, y + 1)).isEqualTo(full);
    }

    @Test
    void legendPanelIsIdenticalOnEveryFrameAndEqualsTheLegend() {
        BufferedImage first = frame(0);
        BufferedImage last = frame(LAST);
        assertThat(Pixels.sameRegion(first, last, 800, 0, 1100, 800)).isTrue();
        BufferedImage panel = Pixels.panel(legend);
        for (int y = 0; y < 800; y += 3) {
            for (int x = 0; x < 300; x += 3) {
                assertThat(Pixels.rgb(last, 800 + x, y)).isEqualTo(Pixels.rgb(panel, x, y));
            }
        }
        // and a legend built again from the same seed is the same picture
        BufferedImage again = new FramePainter(Legend.images(labels, FakeData.digitImages(labels),
                new ImageShape(28, 28), 42), labels, FakeData.look(2)).paint(0, LAST,
                FakeData.layout(labels, 10, 0, LAST, 0), View.WHOLE);
        assertThat(Pixels.sameRegion(first, again, 800, 0, 1100, 800)).isTrue();
    }

    @Test
    void titleAndSubtitleAreWhiteTextTopLeft() {
        BufferedImage f = frame(0);
        int title = Pixels.light(f, 200, 40, 35, 760, 68);
        int subtitle = Pixels.light(f, 200, 40, 72, 760, 102);
        assertThat(title).isGreaterThan(1000);
        assertThat(subtitle).isGreaterThan(500);
        // left-aligned at the margin: ink starts within a few pixels of it
        int leftmost = 800;
        for (int y = 35; y < 68; y++) {
            for (int x = 0; x < 800; x++) {
                if (Pixels.light(f, 200, x, y, x + 1, y + 1) > 0) {
                    leftmost = Math.min(leftmost, x);
                    break;
                }
            }
        }
        assertThat(leftmost).isBetween(Layout.MARGIN_LEFT - 1, Layout.MARGIN_LEFT + 4);

        BufferedImage untitled = new FramePainter(legend, labels, FakeData.look("", "", 1))
                .paint(0, LAST, FakeData.layout(labels, 10, 0, LAST, 0), View.WHOLE);
        assertThat(Pixels.light(untitled, 200, 40, 35, 760, 102)).isZero();
    }

    @Test
    void aLongTitleShrinksToFitThePanel() {
        String longTitle = "A very long title that would run far past the legend if it kept its size, surely";
        BufferedImage f = new FramePainter(legend, labels, FakeData.look(longTitle, "", 1))
                .paint(0, LAST, FakeData.layout(labels, 10, 0, LAST, 0), View.WHOLE);
        assertThat(Pixels.light(f, 100, 770, 30, 800, 70)).isZero();
        assertThat(Pixels.light(f, 200, 40, 30, 770, 70)).isGreaterThan(500);
    }

    private static RenderOptions sized(FrameSize size, Double dot) {
        RenderOptions o = FakeData.look(2);
        return new RenderOptions(o.title(), o.subtitle(), size, dot, o.camera(), o.timing(), 2, o.seed());
    }

    @Test
    void aFullHdFrameScalesTheWholeLayoutAndKeepsThePlotSquare() {
        FramePainter hd = new FramePainter(legend, labels, sized(new FrameSize(1920, 1080, 1), 2.0));
        float[] xy = FakeData.layout(labels, 10, LAST, LAST, 1);
        BufferedImage big = hd.paint(LAST, LAST, xy, View.WHOLE);
        BufferedImage small = new FramePainter(legend, labels, sized(FrameSize.DEFAULT, 2.0)).paint(LAST, LAST, xy,
                View.WHOLE);
        assertThat(big.getWidth()).isEqualTo(1920);
        assertThat(big.getHeight()).isEqualTo(1080);
        double f = 1080 / 800.0;   // the picture, 1485 px wide, is centred: 217 px of black either side
        int left = (int) Math.round((1920 - 1100 * f) / 2);
        assertThat(Pixels.light(big, 10, 0, 0, left - 1, 1080)).as("black margin").isZero();
        assertThat(Pixels.light(big, 10, 1920 - left + 1, 0, 1920, 1080)).as("black margin").isZero();
        // text and legend grow by the factor's square in area
        int title = Pixels.light(small, 200, 40, 35, 760, 68);
        int bigTitle = Pixels.light(big, 200, left + (int) (40 * f), (int) (35 * f), left + (int) (760 * f), (int) (68 * f));
        assertThat((double) bigTitle / title).isBetween(f * f * 0.85, f * f * 1.15);
        Palette palette = Palette.forClasses(10);
        int legendInk = Pixels.count(small, palette.rgb(3), 800, 0, 1100, 800);
        int bigLegendInk = Pixels.count(big, palette.rgb(3), left + (int) (800 * f), 0, 1920, 1080);
        assertThat((double) bigLegendInk / legendInk).isBetween(f * f * 0.85, f * f * 1.15);
        // the plot stays square: the points' extent grows alike in x and y
        int[] a = ink(small, 0, 130, 800, 800);
        int[] b = ink(big, left, (int) (130 * f), left + (int) (800 * f), 1080);
        assertThat((double) (b[2] - b[0]) / (a[2] - a[0])).isCloseTo(f, org.assertj.core.data.Offset.offset(0.02));
        assertThat((double) (b[3] - b[1]) / (a[3] - a[1])).isCloseTo(f, org.assertj.core.data.Offset.offset(0.02));
    }

    /** {@code n} points on a square grid, far enough apart that no two dots touch. */
    private static float[] grid(int n) {
        int side = (int) Math.ceil(Math.sqrt(n));
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (i % side + 0.5f) / side;
            xy[2 * i + 1] = (i / side + 0.5f) / side;
        }
        return xy;
    }

    @Test
    void scaleTwoDoublesEveryPixelDimensionDotsIncluded() {
        float[] xy = grid(labels.length);
        BufferedImage one = new FramePainter(legend, labels, sized(FrameSize.DEFAULT, 2.0)).paint(LAST, LAST, xy, View.WHOLE);
        BufferedImage two = new FramePainter(legend, labels, sized(new FrameSize(1100, 800, 2), 2.0)).paint(LAST, LAST, xy,
                View.WHOLE);
        assertThat(two.getWidth()).isEqualTo(2200);
        assertThat(two.getHeight()).isEqualTo(1600);
        Palette palette = Palette.forClasses(10);
        // 2x2 dots become 4x4: four times the pixels of each class colour in the plot
        double ratio = (double) Pixels.count(two, palette.rgb(1), 0, 260, 1600, 1600)
                / Pixels.count(one, palette.rgb(1), 0, 130, 800, 800);
        assertThat(ratio).isBetween(3.5, 4.1);
        assertThat(Pixels.whiteRun(two, 2 * Layout.MARGIN_LEFT, 2 * Layout.LINE_Y)).isEqualTo(2 * Layout.LINE_LENGTH);
    }

    @Test
    void theDefaultDotGrowsForFewPoints() {
        String[] few = FakeData.labels(150, 3);
        Legend swatches = Legend.swatches(few);
        float[] xy = grid(few.length);
        BufferedImage auto = new FramePainter(swatches, few, FakeData.look(1)).paint(LAST, LAST, xy, View.WHOLE);
        BufferedImage specks = new FramePainter(swatches, few, sized(FrameSize.DEFAULT, 2.0)).paint(LAST, LAST, xy,
                View.WHOLE);
        Palette palette = Palette.forClasses(3);
        // 8-pixel discs: about 40 pixels of full colour per point, against 4 for the 2-pixel squares
        assertThat(Pixels.count(specks, palette.rgb(0), 0, 130, 800, 800)).isEqualTo(50 * 4);
        assertThat(Pixels.count(auto, palette.rgb(0), 0, 130, 800, 800)).isGreaterThan(50 * 30);
    }

    /** Bounding box (x0, y0, x1, y1) of the non-black pixels in the rectangle. */
    private static int[] ink(BufferedImage img, int x0, int y0, int x1, int y1) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (Pixels.rgb(img, x, y) != 0 && Pixels.rgb(img, x, y) != 0xFFFFFF) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box;
    }
}
