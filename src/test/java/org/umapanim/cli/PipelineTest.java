package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code umap-anim all} end to end on a small slice of the bundled digits: every output with the
 * right shape, stages skipped when up to date and rerun when an option they depend on changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineTest {
    private static final int ROWS = 600;

    @TempDir
    static Path tmp;

    private static String[] all(String... extra) {
        // one frame per epoch, so frames can be counted against epochs (the pacing has its own tests)
        List<String> args = new ArrayList<>(List.of("all", "--limit", Integer.toString(ROWS), "--pace", "epochs",
                "--data-dir", tmp.resolve("data").toString(), "--frames-dir", tmp.resolve("frames").toString(),
                "--images-dir", tmp.resolve("images").toString(), "--movie", tmp.resolve("movies/umap.mp4").toString(),
                "--html", tmp.resolve("movies/umap.html").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void allMakesEveryOutputWithTheRightShape() throws Exception {
        CliRun run = CliRun.of(all("--epochs", "20"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare: done", "render:  done", "encode:  done", "view:    done", "total:");
        assertThat(run.out()).containsPattern("\\n +trustworthiness 0\\.\\d{3} · neighbours kept 0\\.\\d{2} · 10-NN accuracy 0\\.\\d{2}\\n");
        assertThat(count("SELECT count(*) FROM read_parquet('" + tmp.resolve("data/metrics.parquet") + "')")).isEqualTo(21);
        BufferedImage chart = ImageIO.read(tmp.resolve("images/metrics.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(800);
        assertThat(chart.getHeight()).isEqualTo(900);
        assertThat(insetBorder(tmp.resolve("images/combined.png"))).as("the original look by default").isZero();

        assertThat(count("SELECT count(*) FROM read_parquet('" + tmp.resolve("data/digits.parquet") + "')")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM read_parquet('" + tmp.resolve("data/epochs.parquet") + "')")).isEqualTo(ROWS * 21L);
        assertThat(frames()).hasSize(21);
        for (Path frame : List.of(frames().get(0), frames().get(20), tmp.resolve("images/combined.png"))) {
            BufferedImage image = ImageIO.read(frame.toFile());
            assertThat(image.getWidth()).isEqualTo(1100);
            assertThat(image.getHeight()).isEqualTo(800);
        }
        assertThat(ImageIO.read(tmp.resolve("images/intro.png").toFile()).getWidth()).isBetween(300, 500);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(tmp.resolve("movies/umap.mp4").toFile())) {
            grabber.start();
            assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
            assertThat(grabber.getImageWidth()).isEqualTo(1100);
            int decoded = 0;
            while (grabber.grabImage() != null) {
                decoded++;
            }
            assertThat(decoded).isEqualTo(21 + 60);
        }
        assertThat(Files.readString(tmp.resolve("movies/umap.html"))).contains("\"lastEpoch\":20", "umap-positions");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    @Order(2)
    void aSecondRunSkipsEveryStageAndTouchesNothing() throws Exception {
        FileTime movieTime = Files.getLastModifiedTime(tmp.resolve("movies/umap.mp4"));
        FileTime pageTime = Files.getLastModifiedTime(tmp.resolve("movies/umap.html"));
        FileTime frameTime = Files.getLastModifiedTime(frames().get(3));
        CliRun run = CliRun.of(all("--epochs", "20"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare: skipped", "render:  skipped", "encode:  skipped", "view:    skipped");
        assertThat(Files.getLastModifiedTime(tmp.resolve("movies/umap.mp4"))).isEqualTo(movieTime);
        assertThat(Files.getLastModifiedTime(tmp.resolve("movies/umap.html"))).isEqualTo(pageTime);
        assertThat(Files.getLastModifiedTime(frames().get(3))).isEqualTo(frameTime);
    }

    @Test
    @Order(3)
    void theMetricsInsetRedrawsAndReencodesButKeepsTheEmbedding() throws Exception {
        Map<String, String> embedding = FileIdentities.embedding(tmp.resolve("data"));
        CliRun run = CliRun.of(all("--epochs", "20", "--metrics-inset"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(FileIdentities.embedding(tmp.resolve("data"))).as("the embedding kept").isEqualTo(embedding);
        assertThat(run.out()).contains("prepare: skipped", "render:  done", "21 frames drawn", "encode:  done");
        assertThat(insetBorder(frames().get(20))).isGreaterThan(400);
        assertThat(insetBorder(tmp.resolve("images/combined.png"))).isGreaterThan(400);
    }

    /** Pixels of the inset's frame colour in the bottom-left corner where the inset goes. */
    private static int insetBorder(Path frame) throws IOException {
        BufferedImage image = ImageIO.read(frame.toFile());
        int n = 0;
        for (int y = 600; y < 800; y++) {
            for (int x = 0; x < 320; x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == 0x404040 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    @Order(4)
    void aNewTitleRedrawsReencodesAndRewritesTheViewerButKeepsTheEmbedding() throws Exception {
        Map<String, String> embedding = FileIdentities.embedding(tmp.resolve("data"));
        CliRun run = CliRun.of(all("--epochs", "20", "--title", "Digits"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(FileIdentities.embedding(tmp.resolve("data"))).as("the embedding kept").isEqualTo(embedding);
        assertThat(run.out()).contains("prepare: skipped", "render:  done", "encode:  done", "view:    done");
        assertThat(Files.readString(tmp.resolve("movies/umap.html"))).contains("\"title\":\"Digits\"");
    }

    @Test
    @Order(5)
    void aNewCrfOnlyReencodes() {
        CliRun run = CliRun.of(all("--epochs", "20", "--title", "Digits", "--crf", "30"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare: skipped", "render:  skipped", "encode:  done", "view:    skipped");
    }

    @Test
    @Order(6)
    void otherViewerEpochsOnlyRewriteTheViewerAndSayWhatItKept() {
        CliRun run = CliRun.of(all("--epochs", "20", "--title", "Digits", "--crf", "30", "--view-epochs", "0-10/2"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare: skipped", "render:  skipped", "encode:  skipped", "view:    done",
                "kept 7 of 21 epochs, as --view-epochs '0-10/2' chose");
    }

    @Test
    @Order(7)
    void fewerEpochsRerunEveryStageAndRemoveSurplusFrames() throws Exception {
        CliRun run = CliRun.of(all("--epochs", "12", "--title", "Digits", "--crf", "30"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare: done", "render:  done", "encode:  done", "view:    done");
        assertThat(frames()).hasSize(13);
        assertThat(count("SELECT max(epoch) FROM read_parquet('" + tmp.resolve("data/epochs.parquet") + "')")).isEqualTo(12);
    }

    @Test
    @Order(8)
    void forceRerunsEverything() {
        CliRun run = CliRun.of(all("--epochs", "12", "--title", "Digits", "--crf", "30", "--force", "--quiet"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.of(all("--epochs", "12", "--title", "Digits", "--crf", "30")).out())
                .contains("prepare: skipped", "render:  skipped", "encode:  skipped", "view:    skipped");
    }

    @Test
    @Order(9)
    void aDeletedFrameIsRedrawnAlone() throws Exception {
        Map<String, String> before = FileIdentities.of(frames());
        String deleted = frames().get(5).getFileName().toString();
        Files.delete(frames().get(5));
        FileTime untouched = Files.getLastModifiedTime(frames().get(2));
        CliRun run = CliRun.of(all("--epochs", "12", "--title", "Digits", "--crf", "30"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> after = FileIdentities.of(frames());
        assertThat(after.get(deleted)).as("the deleted frame drawn again, the same picture in a new file")
                .startsWith(before.get(deleted).split(" ")[0]).isNotEqualTo(before.get(deleted));
        after.remove(deleted);
        before.remove(deleted);
        assertThat(after).as("every other frame kept, not drawn again").isEqualTo(before);
        assertThat(run.out()).contains("prepare: skipped", "render:  resumed", "1 frames drawn", "encode:  done",
                "view:    skipped");
        assertThat(frames()).hasSize(13);
        assertThat(Files.getLastModifiedTime(frames().get(2))).isEqualTo(untouched);
    }

    static List<Path> frames() throws IOException {
        return Frames.in(tmp.resolve("frames"));
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(DuckDb.query(sql));
    }
}
