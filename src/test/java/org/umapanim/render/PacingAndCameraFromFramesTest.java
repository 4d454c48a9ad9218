package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.EpochHistory;

/**
 * The motion pacing and the follow camera, checked from the PNG frames alone: the progress line
 * says which moment a frame shows, two anchor points that never move say the camera's scale, and
 * the coloured pixels say where the layout is.
 *
 * <p>The history: 200 points spread over a square of half-side s(epoch) around (0.5, 0.5) that
 * collapses from 0.45 to 0.1 in the first epoch and then shrinks slowly to 0.08 by epoch 10, plus
 * two anchors at (0.35, 0.5) and (0.65, 0.5) in their own colours, drawn on top. The layout's
 * extent falls threefold during the collapse, faster than the camera may zoom.
 */
class PacingAndCameraFromFramesTest {
    private static final int LAST = 10;
    private static final int CLUSTER = 200;
    private static final double DOT = 3;
    private static final int FPS = 30;

    @TempDir
    static Path dir;

    private static String[] labels;
    private static List<BufferedImage> motionFollow;
    private static List<BufferedImage> epochsFixed;

    static double half(double epoch) {
        return epoch <= 1 ? 0.45 - 0.35 * epoch : 0.1 - 0.02 * (epoch - 1) / (LAST - 1);
    }

    /** The history; positions at integer epochs, which the frames interpolate between. */
    static final class Burst implements EpochHistory {
        @Override
        public int points() {
            return CLUSTER + 2;
        }

        @Override
        public int lastEpoch() {
            return LAST;
        }

        @Override
        public String[] labels() {
            return labels.clone();
        }

        @Override
        public void forEachEpoch(EpochListener listener) {
            for (int e = 0; e <= LAST; e++) {
                Random r = new Random(5);
                float[] xy = new float[2 * points()];
                for (int i = 0; i < CLUSTER; i++) {
                    xy[2 * i] = (float) (0.5 + half(e) * (2 * r.nextDouble() - 1));
                    xy[2 * i + 1] = (float) (0.5 + half(e) * (2 * r.nextDouble() - 1));
                }
                xy[2 * CLUSTER] = 0.35f;
                xy[2 * CLUSTER + 1] = 0.5f;
                xy[2 * CLUSTER + 2] = 0.65f;
                xy[2 * CLUSTER + 3] = 0.5f;
                listener.onEpoch(e, xy);
            }
        }
    }

    @BeforeAll
    static void render() throws Exception {
        labels = new String[CLUSTER + 2];
        java.util.Arrays.fill(labels, "cluster");
        labels[CLUSTER] = "left";
        labels[CLUSTER + 1] = "right";
        motionFollow = frames("motion", Camera.FOLLOW, new Timing(Pace.MOTION, 2.0, 1, FPS));
        epochsFixed = frames("epochs", Camera.FIXED, new Timing(Pace.EPOCHS, 2.0, 1, FPS));
    }

    private static List<BufferedImage> frames(String name, Camera camera, Timing timing) throws Exception {
        RenderOptions o = new RenderOptions("", "", FrameSize.DEFAULT, DOT, camera, timing, 2, 1);
        Dataset rows = new Dataset("burst", "0", List.of("x"), new float[CLUSTER + 2], "label", labels, Optional.empty());
        RenderSummary s = FrameRenderer.run(new Burst(), rows, dir.resolve(name), dir.resolve(name + "-images"), o,
                false, Progress.NONE, null);
        List<BufferedImage> frames = new ArrayList<>();
        for (int f = 0; f < s.frames(); f++) {
            frames.add(ImageIO.read(RenderedFiles.frame(dir.resolve(name), f).toFile()));
        }
        return frames;
    }

    /** The moment a frame shows, read off its progress line. */
    private static double epochOf(BufferedImage frame) {
        return (double) Pixels.whiteRun(frame, Layout.MARGIN_LEFT, Layout.LINE_Y) / Layout.LINE_LENGTH * LAST;
    }

    /** Centre of the pixels of exactly {@code rgb} in the plot panel. */
    private static double[] centre(BufferedImage frame, int rgb) {
        int[] px = Pixels.region(frame, 0, 130, 800, 800);
        double sx = 0, sy = 0;
        int n = 0;
        for (int y = 130; y < 800; y++) {
            for (int x = 0; x < 800; x++) {
                if ((px[(y - 130) * 800 + x] & 0xFFFFFF) == rgb) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        assertThat(n).as("pixels of %06x", rgb).isPositive();
        return new double[] {sx / n, sy / n};
    }

    /** Pixels per normalised unit: the anchors are 0.3 apart on every frame. */
    private static double scale(BufferedImage frame) {
        Palette palette = Palette.forClasses(3);
        double[] left = centre(frame, palette.rgb(Classes.of(labels).classOf(CLUSTER)));
        double[] right = centre(frame, palette.rgb(Classes.of(labels).classOf(CLUSTER + 1)));
        return Math.hypot(right[0] - left[0], right[1] - left[1]) / 0.3;
    }

    @Test
    void motionPacingSpendsTheFramesOnTheBurst() {
        assertThat(motionFollow).hasSize(2 * FPS);
        long burstFrames = motionFollow.stream().filter(f -> epochOf(f) < 1).count();
        long evenFrames = epochsFixed.stream().filter(f -> epochOf(f) < 1).count();
        // the first step moves the points 0.35 times as far as their place in the square; the nine
        // others 0.0022 each, so they get the floor of a quarter of the even share, 2.5 % of the
        // time each, and the first step the remaining 77.5 %
        assertThat(evenFrames).as("epochs pacing: a tenth of the time").isBetween(5L, 7L);
        assertThat(burstFrames).as("motion pacing: most of the time").isBetween(45L, 49L);
        long quietFrames = motionFollow.stream().filter(f -> epochOf(f) >= 2).count();
        assertThat(quietFrames).as("epochs 2-10 at the floor").isBetween(10L, 13L);
        double previous = -1;
        for (BufferedImage f : motionFollow) {
            assertThat(epochOf(f)).isGreaterThanOrEqualTo(previous);
            previous = epochOf(f);
        }
        assertThat(previous).isEqualTo(LAST);
    }

    @Test
    void everyFrameSaysTheEpochItShowsAndEveryEpochHasAFrame() throws Exception {
        for (String name : List.of("motion", "epochs")) {
            List<BufferedImage> frames = name.equals("motion") ? motionFollow : epochsFixed;
            java.util.Set<Double> whole = new java.util.TreeSet<>();
            for (int f = 0; f < frames.size(); f++) {
                double said = PngText.epoch(RenderedFiles.frame(dir.resolve(name), f));
                // the progress line is drawn to the pixel: 1/LINE_LENGTH of the run
                assertThat(said).as("%s frame %d", name, f).isCloseTo(epochOf(frames.get(f)),
                        org.assertj.core.data.Offset.offset(1.5 * LAST / Layout.LINE_LENGTH));
                if (said == Math.rint(said)) {
                    whole.add(said);
                }
            }
            assertThat(whole).as(name).containsExactlyElementsOf(
                    IntStream.rangeClosed(0, LAST).asDoubleStream().boxed().toList());
        }
    }

    @Test
    void followCameraNeverZoomsMoreThanAFewPercentAFrame() {
        double previous = scale(motionFollow.get(0));
        for (int f = 1; f < motionFollow.size(); f++) {
            double s = scale(motionFollow.get(f));
            // 2 % for the camera, one more for where the anchors' dots land (200-600 px apart)
            assertThat(s / previous).as("scale change at frame %d", f).isBetween(1 / 1.03, 1.03);
            previous = s;
        }
        // the fixed camera: one scale throughout, the data area's 640 px over the normalised square
        for (BufferedImage f : epochsFixed) {
            assertThat(scale(f)).isBetween(634.0, 640.0);
        }
    }

    @Test
    void followCameraFramesTheFinalLayoutToFillThePlot() {
        BufferedImage last = motionFollow.get(motionFollow.size() - 1);
        int[] box = inkBox(last);
        double side = Layout.DATA_AREA.width;
        assertThat(Math.max(box[2] - box[0], box[3] - box[1]) / side).as("final layout's share of the plot")
                .isGreaterThanOrEqualTo(0.85);
        // ... while the fixed camera shows it at its share of the run's normalised square
        int[] fixed = inkBox(epochsFixed.get(epochsFixed.size() - 1));
        assertThat((fixed[2] - fixed[0]) / side).isBetween(0.28, 0.32);
        // and every frame keeps every point inside the data area
        for (BufferedImage f : motionFollow) {
            int[] b = inkBox(f);
            assertThat(b[0]).isGreaterThanOrEqualTo(Layout.DATA_AREA.x - 2);
            assertThat(b[2]).isLessThanOrEqualTo(Layout.DATA_AREA.x + Layout.DATA_AREA.width + 2);
            assertThat(b[1]).isGreaterThanOrEqualTo(Layout.DATA_AREA.y - 2);
            assertThat(b[3]).isLessThanOrEqualTo(Layout.DATA_AREA.y + Layout.DATA_AREA.height + 2);
        }
    }

    /** Bounding box (x0, y0, x1, y1) of the points' pixels below the header. */
    private static int[] inkBox(BufferedImage frame) {
        int[] px = Pixels.region(frame, 0, 130, 800, 800);
        int x0 = 800, y0 = 800, x1 = -1, y1 = -1;
        for (int y = 130; y < 800; y++) {
            for (int x = 0; x < 800; x++) {
                if ((px[(y - 130) * 800 + x] & 0xFFFFFF) != 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new int[] {x0, y0, x1 + 1, y1 + 1};
    }

    @Test
    void everyNthEpochNeverShowsTheEpochsBetween() {
        // epoch 1 throws one point far out; drawing every 2nd epoch, no frame may show it there
        EpochHistory spike = new EpochHistory() {
            @Override
            public int points() {
                return 2;
            }

            @Override
            public int lastEpoch() {
                return 4;
            }

            @Override
            public String[] labels() {
                return new String[] {"a", "b"};
            }

            @Override
            public void forEachEpoch(EpochListener listener) {
                for (int e = 0; e <= 4; e++) {
                    listener.onEpoch(e, new float[] {0.5f, 0.5f, e == 1 ? 0.95f : 0.55f, 0.5f});
                }
            }
        };
        RenderOptions o = new RenderOptions("", "", FrameSize.DEFAULT, DOT, Camera.FIXED,
                new Timing(Pace.EPOCHS, 1.0, 2, 20), 1, 1);
        Dataset rows = new Dataset("spike", "0", List.of("x"), new float[2], "label", new String[] {"a", "b"},
                Optional.empty());
        List<BufferedImage> seen = new ArrayList<>();
        FrameRenderer.run(spike, rows, dir.resolve("spike"), dir.resolve("spike-images"), o, false, Progress.NONE,
                (n, f) -> seen.add(f));
        assertThat(seen).hasSize(20);
        int b = Palette.forClasses(2).rgb(1);
        int farX = (int) Math.round(Layout.DATA_AREA.x + (0.95 + View.PAD) / (1 + 2 * View.PAD) * Layout.DATA_AREA.width);
        for (BufferedImage f : seen) {
            assertThat(Pixels.count(f, b, farX - 20, 0, 800, 800)).isZero();
            assertThat(Pixels.count(f, b, 0, 0, 800, 800)).isPositive();
        }
        assertThat(IntStream.range(0, 20).map(i -> Pixels.count(seen.get(i), 0xFFFFFF, 0, Layout.LINE_Y,
                800, Layout.LINE_Y + 1))).isSorted();
    }
}
