package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umapanim.common.EpochListener;
import org.umapanim.dataset.ImageShape;
import org.umapanim.store.EpochHistory;
import org.umapanim.store.StepPhase;

/**
 * A t-SNE-like run of 200 iterations whose first 50 are early exaggeration: its frames name the
 * phase over the progress line while in it and grey its stretch of the line, and are otherwise
 * the UMAP frames pixel for pixel; compare panels say "· early exaggeration" after the step; the
 * measures chart and the inset show the phase as a band.
 */
class PhaseMarksTest {
    private static final int LAST = 200;
    private static final List<StepPhase> EARLY = List.of(new StepPhase(StepPhase.EARLY_EXAGGERATION, 1, 50));
    private static final int PHASE_RGB = Header.PHASE.getRGB() & 0xFFFFFF;
    private static String[] labels;
    private static Legend legend;
    private static FramePainter umap;
    private static FramePainter tsne;

    @BeforeAll
    static void setUp() {
        labels = FakeData.labels(1000, 10);
        legend = Legend.images(labels, FakeData.digitImages(labels), new ImageShape(28, 28), 42);
        umap = new FramePainter(legend, labels, FakeData.look(2));
        tsne = new FramePainter(legend, labels, FakeData.look(2), null, EARLY);
    }

    private static BufferedImage frame(FramePainter painter, int step) {
        return painter.paint(step, LAST, FakeData.layout(labels, 10, step, LAST, step), View.WHOLE);
    }

    /** Light pixels where the phase's name goes: over the right end of the progress line. */
    private static int nameInk(BufferedImage f) {
        int right = Layout.MARGIN_LEFT + Layout.LINE_LENGTH;
        return Pixels.light(f, 120, right - 200, Header.PHASE_BASELINE - 11, right + 2, Layout.LINE_Y - 1);
    }

    private static int lineX(int step) {
        return Layout.MARGIN_LEFT + (int) Math.round((double) step / LAST * Layout.LINE_LENGTH);
    }

    @Test
    void inThePhaseTheFrameNamesItAndGreysItsStretchOfTheLine() {
        BufferedImage in = frame(tsne, 30);
        BufferedImage plain = frame(umap, 30);
        assertThat(nameInk(in)).as("\"early exaggeration\" over the line's end").isGreaterThan(80);
        assertThat(nameInk(plain)).as("nothing there in a UMAP frame").isZero();
        assertThat(Pixels.rgb(in, lineX(10), Layout.LINE_Y)).as("done").isEqualTo(0xFFFFFF);
        assertThat(Pixels.rgb(in, lineX(40), Layout.LINE_Y)).as("the phase still to come").isEqualTo(PHASE_RGB);
        assertThat(Pixels.rgb(plain, lineX(40), Layout.LINE_Y)).isZero();
        assertThat(Pixels.rgb(in, lineX(60), Layout.LINE_Y)).as("after the phase").isZero();
        assertThat(Pixels.sameRegion(in, plain, 0, 0, 1100, Header.PHASE_BASELINE - 14)).as("title and subtitle").isTrue();
        assertThat(Pixels.sameRegion(in, plain, 0, Layout.LINE_Y + Layout.LINE_THICKNESS, 1100, 800))
                .as("points and legend").isTrue();
    }

    @Test
    void outsideThePhaseTheFrameIsTheUmapFrame() {
        assertThat(Pixels.sameRegion(frame(tsne, 100), frame(umap, 100), 0, 0, 1100, 800)).as("after it").isTrue();
        BufferedImage start = frame(tsne, 0);
        assertThat(nameInk(start)).as("the start, before any iteration").isZero();
        assertThat(Pixels.rgb(start, lineX(25), Layout.LINE_Y)).as("the phase ahead, greyed").isEqualTo(PHASE_RGB);
    }

    /** A run of {@code last} steps with {@code phases}, its points on a ring. */
    private record Run(int last, List<StepPhase> phases) implements EpochHistory {
        @Override
        public int points() {
            return labels.length;
        }

        @Override
        public int lastEpoch() {
            return last;
        }

        @Override
        public String[] labels() {
            return labels.clone();
        }

        @Override
        public void forEachEpoch(EpochListener listener) {
            for (int e = 0; e <= last; e++) {
                listener.onEpoch(e, FakeData.layout(labels, 10, e, last, e));
            }
        }
    }

    @Test
    void aComparePanelSaysThePhaseAfterItsStep() {
        FrameSize size = new FrameSize(960, 540, 1);
        PanelsPainter withPhase = new PanelsPainter(List.of(new CompareRun(new Run(40, List.of(
                new StepPhase(StepPhase.EARLY_EXAGGERATION, 1, 10))), "t-SNE", "iteration")), List.of(), legend,
                Classes.of(labels), size, null);
        PanelsPainter without = new PanelsPainter(List.of(new CompareRun(new Run(40, List.of()), "t-SNE", "iteration")),
                List.of(), legend, Classes.of(labels), size, null);
        PanelGrid grid = new PanelGrid(1, size.pixelWidth(), size.pixelHeight());
        Rectangle2D plot = grid.plot(0);
        int x0 = (int) plot.getX(), x1 = (int) plot.getMaxX() + 1;
        int y0 = (int) (plot.getY() - grid.heading), y1 = (int) plot.getY();
        View[] whole = {View.WHOLE};
        float[] xy = FakeData.layout(labels, 10, 5, 40, 5);
        BufferedImage in = withPhase.paint(new double[] {5}, List.of(xy), whole, null, 0);
        BufferedImage plain = without.paint(new double[] {5}, List.of(xy), whole, null, 0);
        // the same step text, with " · early exaggeration" before it: more ink, all of it to the left
        assertThat(Pixels.light(in, 120, x0, y0, x1, y1)).isGreaterThan(Pixels.light(plain, 120, x0, y0, x1, y1) + 100);
        assertThat(Pixels.sameRegion(in, plain, 0, y1, size.pixelWidth(), size.pixelHeight())).as("below the headings").isTrue();

        float[] later = FakeData.layout(labels, 10, 20, 40, 20);
        assertThat(Pixels.sameRegion(withPhase.paint(new double[] {20}, List.of(later), whole, null, 0),
                without.paint(new double[] {20}, List.of(later), whole, null, 0), 0, 0, size.pixelWidth(),
                size.pixelHeight())).as("after the phase").isTrue();
    }

    @Test
    void theMeasuresChartShowsThePhaseAsANamedBand() {
        List<StepPhase> quarter = List.of(new StepPhase(StepPhase.EARLY_EXAGGERATION, 1, 25));
        BufferedImage banded = MetricsChart.paint(FakeMeasures.improving(100, true), "iteration", quarter);
        BufferedImage plain = MetricsChart.paint(FakeMeasures.improving(100, true), "iteration");
        int band = MetricsChart.PHASE.getRGB() & 0xFFFFFF;
        assertThat(Pixels.count(plain, band, 0, 0, 800, 900)).isZero();
        assertThat(Pixels.count(banded, band, 0, 0, 800, 900)).isGreaterThan(20_000);
        int left = 800, right = -1;
        for (int x = 0; x < 800; x++) {
            if (Pixels.count(banded, band, x, 0, x + 1, 900) > 0) {
                left = Math.min(left, x);
                right = x;
            }
        }
        // iterations 0 … 25 of 100: the left quarter of a plot about 700 px wide
        assertThat(left).as("from the axis").isLessThan(120);
        assertThat(right - left).isBetween(130, 220);
        // its name, in the first row, inside the band
        int named = 0;
        for (int y = 40; y < 300; y++) {
            for (int x = left; x <= right; x++) {
                int a = Pixels.rgb(banded, x, y), b = Pixels.rgb(plain, x, y);
                if (a != b && (a >> 16 & 255) > 150 && (a >> 8 & 255) > 150 && (a & 255) > 150) {
                    named++;
                }
            }
        }
        assertThat(named).as("\"early exaggeration\" written in the band").isGreaterThan(40);
    }

    @Test
    void theInsetShowsThePhaseAsABand() {
        List<StepPhase> quarter = List.of(new StepPhase(StepPhase.EARLY_EXAGGERATION, 1, 25));
        Rectangle area = MetricsInset.AREA;
        BufferedImage banded = new FramePainter(legend, labels, FakeData.look(2),
                new MetricsInset(FakeMeasures.improving(100, true), quarter), quarter).paint(60, 100,
                FakeData.layout(labels, 10, 60, 100, 60), View.WHOLE);
        BufferedImage plain = new FramePainter(legend, labels, FakeData.look(2),
                new MetricsInset(FakeMeasures.improving(100, true))).paint(60, 100,
                FakeData.layout(labels, 10, 60, 100, 60), View.WHOLE);
        int band = MetricsChart.PHASE.getRGB() & 0xFFFFFF;
        int x0 = area.x, x1 = area.x + area.width, y0 = area.y, y1 = area.y + area.height;
        assertThat(Pixels.count(plain, band, x0, y0, x1, y1)).isZero();
        assertThat(Pixels.count(banded, band, x0, y0, x1, y1)).isGreaterThan(1000);
        assertThat(Pixels.count(banded, band, x0 + area.width / 2, y0, x1, y1)).as("only over the first quarter").isZero();
    }
}
