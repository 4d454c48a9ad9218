package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;
import org.umapanim.store.EpochHistory;

class FrameRendererTest {
    private static final int POINTS = 2000;
    private static final int LAST = 12;

    @TempDir
    Path dir;

    /** In-memory epochs, counting how far the reader has run ahead. */
    static final class FakeEpochs implements EpochHistory {
        final String[] labels;
        final int last;
        final AtomicInteger produced = new AtomicInteger(-1);
        int skipEpoch = -1;
        int shortEpoch = -1;

        FakeEpochs(String[] labels, int last) {
            this.labels = labels;
            this.last = last;
        }

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
            return labels;
        }

        @Override
        public void forEachEpoch(EpochListener listener) {
            for (int e = 0; e <= last; e++) {
                if (e == skipEpoch) {
                    continue;
                }
                float[] xy = FakeData.layout(labels, 10, e, last, e);
                if (e == shortEpoch) {
                    xy = new float[10];
                }
                produced.set(e);
                listener.onEpoch(e, xy);
            }
        }
    }

    private static Dataset digits(String[] labels, boolean images) {
        List<String> columns = IntStream.rangeClosed(1, 784).mapToObj(i -> "pixel" + i).toList();
        return new Dataset("fake", "0", columns, FakeData.digitImages(labels), "digit", labels,
                images ? Optional.of(new ImageShape(28, 28)) : Optional.empty());
    }

    private RenderSummary render(FakeEpochs epochs, boolean onlyMissing, FrameSink sink, int threads) {
        return FrameRenderer.run(epochs, digits(epochs.labels, true), dir.resolve("frames"), dir.resolve("images"),
                FakeData.look(threads), onlyMissing, Progress.NONE, sink);
    }

    private List<Path> frames() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("frames"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void oneFramePerEpochPlusIntroAndCombined() throws Exception {
        Files.createDirectories(dir.resolve("frames"));
        Files.writeString(dir.resolve("frames/combined-000099.png"), "from a longer run");
        FakeEpochs epochs = new FakeEpochs(FakeData.labels(POINTS, 10), LAST);
        RenderSummary summary = render(epochs, false, null, 2);

        assertThat(summary.frames()).isEqualTo(LAST + 1);
        assertThat(summary.drawn()).isEqualTo(LAST + 1);
        assertThat(summary.deleted()).isEqualTo(1);
        List<Path> frames = frames();
        assertThat(frames).hasSize(LAST + 1);
        for (int e = 0; e <= LAST; e++) {
            Path f = frames.get(e);
            assertThat(f.getFileName().toString()).isEqualTo(String.format("combined-%06d.png", e));
            BufferedImage img = ImageIO.read(f.toFile());
            assertThat(img.getWidth()).isEqualTo(1100);
            assertThat(img.getHeight()).isEqualTo(800);
        }
        // the line grows frame by frame
        int previous = -1;
        for (int e = 0; e <= LAST; e++) {
            int run = Pixels.whiteRun(ImageIO.read(frames.get(e).toFile()), Layout.MARGIN_LEFT, Layout.LINE_Y);
            assertThat(run).isGreaterThan(previous);
            previous = run;
        }
        BufferedImage intro = ImageIO.read(dir.resolve("images/intro.png").toFile());
        assertThat(intro.getWidth()).isEqualTo(400);
        assertThat(intro.getHeight()).isEqualTo(400);
        assertThat(Files.readAllBytes(dir.resolve("images/combined.png")))
                .isEqualTo(Files.readAllBytes(frames.get(LAST)));
    }

    @Test
    void sinkGetsEveryFrameInOrderWhileTheReaderStaysClose() {
        FakeEpochs epochs = new FakeEpochs(FakeData.labels(POINTS, 10), LAST);
        List<Integer> order = new ArrayList<>();
        AtomicInteger maxAhead = new AtomicInteger();
        render(epochs, false, (epoch, frame) -> {
            order.add(epoch);
            assertThat(frame.getWidth()).isEqualTo(1100);
            maxAhead.accumulateAndGet(epochs.produced.get() - epoch, Math::max);
        }, 2);
        assertThat(order).containsExactlyElementsOf(IntStream.rangeClosed(0, LAST).boxed().toList());
        assertThat(maxAhead.get()).as("frames in flight are bounded").isLessThanOrEqualTo(4);
    }

    @Test
    void onlyMissingDrawsOnlyTheMissingFramesAndReadsTheOthersBackForTheSink() throws Exception {
        FakeEpochs epochs = new FakeEpochs(FakeData.labels(POINTS, 10), LAST);
        render(epochs, false, null, 2);
        Path kept = RenderedFiles.frame(dir.resolve("frames"), 3);
        long keptModified = Files.getLastModifiedTime(kept).toMillis();
        Files.delete(RenderedFiles.frame(dir.resolve("frames"), 5));
        Files.delete(RenderedFiles.frame(dir.resolve("frames"), 7));

        RenderSummary noSink = render(epochs, true, null, 2);
        assertThat(noSink.drawn()).isEqualTo(2);
        assertThat(noSink.kept()).isEqualTo(LAST - 1);
        assertThat(frames()).hasSize(LAST + 1);
        assertThat(Files.getLastModifiedTime(kept).toMillis()).isEqualTo(keptModified);

        Files.delete(RenderedFiles.frame(dir.resolve("frames"), 0));
        BufferedImage[] seen = new BufferedImage[LAST + 1];
        RenderSummary withSink = render(epochs, true, (epoch, frame) -> seen[epoch] = frame, 1);
        assertThat(withSink.drawn()).isEqualTo(1);
        assertThat(seen).doesNotContainNull();
        BufferedImage onDisk = ImageIO.read(kept.toFile());
        assertThat(Pixels.sameRegion(seen[3], onDisk, 0, 0, 1100, 800)).isTrue();
    }

    @Test
    void nonImageDataGetsASwatchLegend() {
        FakeEpochs epochs = new FakeEpochs(FakeData.labels(POINTS, 10), 1);
        BufferedImage[] last = new BufferedImage[1];
        FrameRenderer.run(epochs, digits(epochs.labels, false), dir.resolve("frames"), dir.resolve("images"),
                FakeData.look(2), false, Progress.NONE, (e, f) -> last[0] = f);
        BufferedImage expected = new BufferedImage(1100, 800, BufferedImage.TYPE_INT_RGB);
        expected.getGraphics().drawImage(Pixels.panel(Legend.swatches(epochs.labels)), 800, 0, null);
        assertThat(Pixels.sameRegion(last[0], expected, 800, 0, 1100, 800)).isTrue();
    }

    @Test
    void refusesRowsThatDoNotMatchTheEpochs() {
        FakeEpochs epochs = new FakeEpochs(FakeData.labels(POINTS, 10), 2);
        Dataset fewer = digits(FakeData.labels(POINTS - 1, 10), true);
        assertThatThrownBy(() -> FrameRenderer.run(epochs, fewer, dir.resolve("frames"), dir.resolve("images"),
                FakeData.look(2), false, Progress.NONE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1999 rows");
    }

    @Test
    void refusesAMissingEpochOrALayoutOfTheWrongSize() {
        FakeEpochs gap = new FakeEpochs(FakeData.labels(POINTS, 10), 4);
        gap.skipEpoch = 2;
        assertThatThrownBy(() -> render(gap, false, null, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("epoch 2 is missing");
        FakeEpochs wrong = new FakeEpochs(FakeData.labels(POINTS, 10), 4);
        wrong.shortEpoch = 3;
        assertThatThrownBy(() -> render(wrong, false, null, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("epoch 3 has 5 points instead of 2000");
    }

    @Test
    void reportsFramesToProgress() {
        FakeEpochs epochs = new FakeEpochs(FakeData.labels(200, 10), 5);
        List<String> tasks = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        Progress progress = (name, total) -> {
            tasks.add(name + "/" + total);
            return new Progress.Task() {
                @Override
                public void step(long n) {
                    steps.addAndGet((int) n);
                }

                @Override
                public void close() {}
            };
        };
        FrameRenderer.run(epochs, digits(epochs.labels, true), dir.resolve("frames"), dir.resolve("images"),
                FakeData.look(2), false, progress, null);
        assertThat(tasks).containsExactly("frames/6");
        assertThat(steps.get()).isEqualTo(6);
    }
}
