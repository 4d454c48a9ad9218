package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;
import org.umapanim.quality.LayoutAgreement;
import org.umapanim.store.EpochHistory;

/**
 * Two runs of the same points: one of 10 steps filling the unit square, one of 40 steps that is
 * the same picture at a hundredth of the size at first, growing tenfold in each half of the movie
 * (as t-SNE's layout grows once its early exaggeration ends). Played by progress, the two show the same picture at every
 * frame, and each panel's camera frames its own run.
 */
class CompareRendererTest {
    private static final int N = 400;
    private static final int CLASSES = 10;
    private static final String[] LABELS = FakeData.labels(N, CLASSES);

    @TempDir
    Path dir;

    /** The clusters of {@link FakeData#layout}, tightening as {@code t} goes from 0 to 1, scaled about the centre. */
    static float[] picture(double t, double scale) {
        SplittableRandom random = new SplittableRandom(5);
        float[] xy = new float[2 * N];
        double spread = 0.2 * (1 - t) + 0.03;
        for (int i = 0; i < N; i++) {
            double angle = 2 * Math.PI * (i % CLASSES) / CLASSES;
            double x = 0.35 * Math.cos(angle) + spread * (random.nextDouble() - 0.5);
            double y = 0.35 * Math.sin(angle) + spread * (random.nextDouble() - 0.5);
            xy[2 * i] = (float) (0.5 + scale * x);
            xy[2 * i + 1] = (float) (0.5 + scale * y);
        }
        return xy;
    }

    /** A run of {@code last} steps showing {@link #picture} at t = step / last. */
    record Run(int last, boolean growing) implements EpochHistory {
        @Override
        public int points() {
            return N;
        }

        @Override
        public int lastEpoch() {
            return last;
        }

        @Override
        public String[] labels() {
            return LABELS.clone();
        }

        @Override
        public void forEachEpoch(EpochListener listener) {
            for (int e = 0; e <= last; e++) {
                double t = (double) e / last;
                listener.onEpoch(e, picture(t, growing ? Math.pow(100, t - 1) : 1));
            }
        }
    }

    @Test
    void runsOfDifferentLengthsPlayInStepAndEachPanelFramesItsOwnRun() throws Exception {
        Dataset rows = new Dataset("fake", "0", IntStream.rangeClosed(1, 784).mapToObj(i -> "pixel" + i).toList(),
                FakeData.digitImages(LABELS), "digit", LABELS, Optional.of(new ImageShape(28, 28)));
        FrameSize size = new FrameSize(960, 540, 1);
        Timing timing = new Timing(Pace.EPOCHS, 2.0, 1, 30);
        RenderOptions o = new RenderOptions("", "", size, null, Density.OFF, Camera.FOLLOW, timing, 2, 42);
        List<CompareRun> runs = List.of(new CompareRun(new Run(10, false), "UMAP · 15 neighbours", "epoch"),
                new CompareRun(new Run(40, true), "t-SNE · perplexity 30", "iteration"));
        List<BufferedImage> delivered = new ArrayList<>();
        CompareSummary summary = CompareRenderer.run(runs, rows, dir, o, new LayoutAgreement(N, 42),
                List.of("UMAP vs t-SNE"), false, Progress.NONE, (f, image) -> delivered.add(image));

        assertThat(summary.frames()).isEqualTo(60);
        assertThat(delivered).hasSize(60);
        assertThat(Files.exists(RenderedFiles.frame(dir, 59))).isTrue();
        double[] progress = summary.trace().progress();
        assertThat(progress[0]).isZero();
        assertThat(progress[59]).isEqualTo(1.0);
        // each frame says which moment it shows, as one run's frames say their epoch
        assertThat(PngText.of(RenderedFiles.frame(dir, 59))).containsEntry("progress", "1");
        assertThat(PngText.of(RenderedFiles.frame(dir, 0))).containsEntry("progress", "0");
        for (int f = 0; f < 60; f++) {
            // the same picture at every moment, so the same neighbours, if the runs are in step
            assertThat(summary.trace().values()[f][0]).as("frame %d", f).isGreaterThan(0.9);
        }

        PanelGrid grid = new PanelGrid(2, size.pixelWidth(), size.pixelHeight());
        for (int f : new int[] {0, 30, 59}) {
            BufferedImage frame = ImageIO.read(RenderedFiles.frame(dir, f).toFile());
            for (int r = 0; r < 2; r++) {
                Rectangle2D plot = grid.plot(r);
                int[] box = litBox(frame, plot);
                assertThat(box).as("frame %d, panel %d: points present", f, r).isNotNull();
                // the layout (a ring of clusters) fills most of its own panel: at the start run 2
                // is a hundredth of run 1's size, half-way a tenth, at the end the same size
                assertThat(box[2] - box[0]).as("frame %d, panel %d: width", f, r).isGreaterThan((int) (0.7 * plot.getWidth()));
                assertThat(box[3] - box[1]).as("frame %d, panel %d: height", f, r).isGreaterThan((int) (0.7 * plot.getHeight()));
            }
        }
    }

    @Test
    void threeRunsFillAGridOfSquarePanels() throws Exception {
        Dataset rows = new Dataset("fake", "0", IntStream.rangeClosed(1, 784).mapToObj(i -> "pixel" + i).toList(),
                FakeData.digitImages(LABELS), "digit", LABELS, Optional.of(new ImageShape(28, 28)));
        FrameSize size = new FrameSize(800, 800, 1);
        RenderOptions o = new RenderOptions("", "", size, null, Density.OFF, Camera.FOLLOW,
                new Timing(Pace.EPOCHS, null, 1, 30), 2, 42);
        List<CompareRun> runs = List.of(new CompareRun(new Run(4, false), "1. UMAP", "epoch"),
                new CompareRun(new Run(8, true), "2. t-SNE", "iteration"), new CompareRun(new Run(2, false), "3. UMAP", "epoch"));
        CompareSummary summary = CompareRenderer.run(runs, rows, dir, o, new LayoutAgreement(N, 42),
                List.of("1–2", "1–3", "2–3"), false, Progress.NONE, null);
        assertThat(summary.frames()).isEqualTo(9);   // one frame per step of the longest run
        assertThat(summary.trace().values()[8]).hasSize(3);
        PanelGrid grid = new PanelGrid(3, 800, 800);
        assertThat(grid.plot(2).getY()).isGreaterThan(grid.plot(0).getMaxY());
        assertThat(grid.plot(0).getWidth()).isEqualTo(grid.plot(0).getHeight());
        BufferedImage last = ImageIO.read(RenderedFiles.frame(dir, 8).toFile());
        for (int r = 0; r < 3; r++) {
            int[] box = litBox(last, grid.plot(r));
            assertThat(box).as("panel %d", r).isNotNull();
            assertThat(box[2] - box[0]).as("panel %d", r).isGreaterThan((int) (0.7 * grid.side));
        }
        assertThat(litBox(last, grid.plot(3))).as("no fourth panel").isNull();
    }

    @Test
    void anInterruptedComparisonDrawsOnlyTheFramesItLacks() throws Exception {
        Dataset rows = new Dataset("fake", "0", IntStream.rangeClosed(1, 784).mapToObj(i -> "pixel" + i).toList(),
                FakeData.digitImages(LABELS), "digit", LABELS, Optional.of(new ImageShape(28, 28)));
        RenderOptions o = new RenderOptions("", "", new FrameSize(640, 360, 1), null, Density.OFF, Camera.FOLLOW,
                new Timing(Pace.MOTION, 0.4, 1, 30), 2, 42);
        List<CompareRun> runs = List.of(new CompareRun(new Run(6, false), "a", "epoch"),
                new CompareRun(new Run(9, true), "b", "iteration"));
        CompareSummary first = CompareRenderer.run(runs, rows, dir, o, new LayoutAgreement(N, 42), List.of("a vs b"),
                false, Progress.NONE, null);
        assertThat(first.drawn()).isEqualTo(12);
        byte[] frame7 = Files.readAllBytes(RenderedFiles.frame(dir, 7));
        Files.delete(RenderedFiles.frame(dir, 5));
        Files.write(RenderedFiles.frame(dir, 7), java.util.Arrays.copyOf(frame7, frame7.length / 2));   // cut short

        CompareSummary resumed = CompareRenderer.run(runs, rows, dir, o, new LayoutAgreement(N, 42), List.of("a vs b"),
                true, Progress.NONE, null);
        assertThat(resumed.drawn()).isEqualTo(2);
        assertThat(resumed.kept()).isEqualTo(10);
        assertThat(Files.readAllBytes(RenderedFiles.frame(dir, 7))).isEqualTo(frame7);
        assertThat(resumed.trace().values()).isDeepEqualTo(first.trace().values());
    }

    /** The bounding box (x0, y0, x1, y1) of the coloured pixels in {@code area}, or null when it has none. */
    private static int[] litBox(BufferedImage image, Rectangle2D area) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
            for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }
}
