package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.dataset.ImageShape;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.EpochsWriter;

/** The render stage on real Parquet files written by the store. */
class FrameRendererOnFilesTest {
    @TempDir
    Path dir;

    @Test
    void rendersFramesFromRealParquetFiles() throws Exception {
        int n = 500;
        int last = 6;
        String[] labels = FakeData.labels(n, 10);
        List<String> columns = IntStream.rangeClosed(1, 784).mapToObj(i -> "pixel" + i).toList();
        Dataset ds = new Dataset("fake", "0", columns, FakeData.digitImages(labels), "digit", labels,
                Optional.of(new ImageShape(28, 28)));
        Path digits = dir.resolve("data/digits.parquet");
        Path epochs = dir.resolve("data/epochs.parquet");
        DigitsWriter.write(digits, ds, Map.of());
        EpochsWriter writer = new EpochsWriter(epochs, "digit", labels, last, false, Map.of());
        for (int e = 0; e <= last; e++) {
            writer.onEpoch(e, FakeData.layout(labels, 10, e, last, e));
        }
        writer.finish();

        RenderSummary s = FrameRenderer.run(EpochsReader.open(epochs), DatasetReader.read(digits, "digit", n),
                dir.resolve("frames"), dir.resolve("images"), FakeData.look(2), false, Progress.NONE, null);
        assertThat(s.frames()).isEqualTo(last + 1);
        try (Stream<Path> frames = Files.list(dir.resolve("frames"))) {
            assertThat(frames.count()).isEqualTo(last + 1);
        }
        BufferedImage f = ImageIO.read(RenderedFiles.frame(dir.resolve("frames"), last).toFile());
        assertThat(f.getWidth()).isEqualTo(1100);
        Palette palette = Palette.forClasses(10);
        for (int c = 0; c < 10; c++) {
            assertThat(Pixels.count(f, palette.rgb(c), 0, 130, 800, 800)).as("points of class %d", c).isPositive();
            assertThat(Pixels.count(f, palette.rgb(c), 800, 0, 1100, 800)).as("legend image of class %d", c)
                    .isGreaterThan(100);
        }
    }

    @Test
    void refusesAFileThatIsNotAnEpochsFile() throws Exception {
        String[] labels = FakeData.labels(50, 10);
        List<String> columns = IntStream.rangeClosed(1, 784).mapToObj(i -> "pixel" + i).toList();
        Path digits = dir.resolve("digits.parquet");
        DigitsWriter.write(digits, new Dataset("fake", "0", columns, FakeData.digitImages(labels), "digit", labels,
                Optional.of(new ImageShape(28, 28))), Map.of());
        assertThatThrownBy(() -> EpochsReader.open(digits))
                .isInstanceOf(FileProblem.class)
                .satisfies(e -> assertThat(((FileProblem) e).file()).isEqualTo(digits));
    }
}
