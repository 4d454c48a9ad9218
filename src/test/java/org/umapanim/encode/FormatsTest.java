package org.umapanim.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.Progress;

/**
 * MP4, WebM and GIF made in one pass over one set of PNG frames, each probed with Debian's
 * ffprobe: codec, size, frame count, rate and duration.
 */
class FormatsTest {
    private static final int FRAMES = 40;
    /** 20 fps, a 0.5 s hold; GIFs 100 px wide at 10 fps. */
    private static final EncodeOptions OPTIONS = new EncodeOptions(20, 22, "veryfast", 0.5, 100, 10);

    @TempDir
    static Path tmp;

    private static List<BufferedImage> pngs;
    private static List<EncodeSummary> summaries;

    @BeforeAll
    static void encode() throws IOException {
        FfProbe.require();
        pngs = TestMovies.writeFrames(tmp.resolve("frames"), FRAMES, 200, 150);
        summaries = MovieEncoder.encodeFolder(tmp.resolve("frames"), List.of(tmp.resolve("m.mp4"),
                tmp.resolve("m.webm"), tmp.resolve("m.gif")), OPTIONS, Progress.NONE);
    }

    @Test
    void mp4IsH264AtTheFramesSizeAndRateWithTheHold() throws Exception {
        FfProbe p = FfProbe.of(tmp.resolve("m.mp4"));
        assertThat(p.codec()).isEqualTo("h264");
        assertThat(p.pixelFormat()).isEqualTo("yuv420p");
        assertThat(p.width()).isEqualTo(200);
        assertThat(p.height()).isEqualTo(150);
        assertThat(p.frames()).isEqualTo(FRAMES + 10);
        assertThat(p.frameRate()).isEqualTo("20/1");
        assertThat(p.duration()).isCloseTo(2.5, offset(0.06));
        assertThat(summaries.get(0).format()).isEqualTo(MovieFormat.MP4);
    }

    @Test
    void webmIsVp9AtTheFramesSizeAndRateWithTheHold() throws Exception {
        FfProbe p = FfProbe.of(tmp.resolve("m.webm"));
        assertThat(p.container()).contains("webm");
        assertThat(p.codec()).isEqualTo("vp9");
        assertThat(p.pixelFormat()).isEqualTo("yuv420p");
        assertThat(p.width()).isEqualTo(200);
        assertThat(p.height()).isEqualTo(150);
        assertThat(p.frames()).isEqualTo(FRAMES + 10);
        assertThat(p.fps()).isCloseTo(20, offset(0.01));
        assertThat(p.duration()).isCloseTo(2.5, offset(0.06));
        TestMovies.Decoded d = TestMovies.decode(tmp.resolve("m.webm"));
        assertThat(TestMovies.meanAbsDiff(pngs.get(25), d.frames().get(25))).isLessThan(3);
    }

    @Test
    void gifIsScaledDownAtItsOwnRateEndsOnTheLastFrameAndHoldsIt() throws Exception {
        FfProbe p = FfProbe.of(tmp.resolve("m.gif"));
        assertThat(p.codec()).isEqualTo("gif");
        assertThat(p.width()).isEqualTo(100);
        assertThat(p.height()).isEqualTo(75);
        // every other frame (0, 2, … 38) at 10 of 20 fps, and the last one, 39
        assertThat(p.frames()).isEqualTo(21);
        assertThat(p.frameRate()).isEqualTo("10/1");
        // 20 steps of 0.1 s, then the last frame for its 0.1 s and the 0.5 s hold
        assertThat(p.duration()).isCloseTo(2.6, offset(0.02));
        assertThat(summaries.get(2).frames()).isEqualTo(21);

        TestMovies.Decoded d = TestMovies.decode(tmp.resolve("m.gif"));
        assertThat(d.frames()).hasSize(21);
        for (int j : new int[] {0, 7, 19}) {
            BufferedImage want = half(pngs.get(2 * j));
            assertThat(TestMovies.meanAbsDiff(want, d.frames().get(j))).as("GIF frame %d is frame %d", j, 2 * j)
                    .isLessThan(4).isLessThan(TestMovies.meanAbsDiff(half(pngs.get(2 * j + (j < 10 ? 6 : -6))),
                            d.frames().get(j)));
        }
        assertThat(TestMovies.meanAbsDiff(half(pngs.get(FRAMES - 1)), d.frames().get(20))).isLessThan(4);
    }

    /** The pixels again, decoded by Debian's ffmpeg, not by the FFmpeg build that encoded them. */
    @Test
    void debiansFfmpegDecodesEachFormatToItsFrames() throws Exception {
        for (String movie : List.of("m.mp4", "m.webm")) {
            BufferedImage decoded = FfProbe.frame(tmp.resolve(movie), 25);
            assertThat(decoded.getWidth()).isEqualTo(200);
            assertThat(TestMovies.meanAbsDiff(pngs.get(25), decoded)).as(movie).isLessThan(3)
                    .isLessThan(TestMovies.meanAbsDiff(pngs.get(31), decoded));
        }
        BufferedImage gif = FfProbe.frame(tmp.resolve("m.gif"), 7);
        assertThat(TestMovies.meanAbsDiff(half(pngs.get(14)), gif)).as("GIF frame 7 is frame 14").isLessThan(4)
                .isLessThan(TestMovies.meanAbsDiff(half(pngs.get(20)), gif));
    }

    @Test
    void gifHasOnePaletteForTheWholeMovie() throws Exception {
        GifBlocks gif = GifBlocks.read(tmp.resolve("m.gif"));
        assertThat(gif.globalColourTable()).isTrue();
        assertThat(gif.images()).isEqualTo(21);
        assertThat(gif.laterPalettes()).as("images after the first with a palette of their own").isZero();
        assertThat(gif.loops()).as("plays in a loop").isTrue();
    }

    @Test
    void theNameChoosesTheFormat() {
        assertThat(MovieFormat.of(Path.of("a/b.MP4"))).isEqualTo(MovieFormat.MP4);
        assertThat(MovieFormat.of(Path.of("b.webm"))).isEqualTo(MovieFormat.WEBM);
        assertThat(MovieFormat.of(Path.of("b.gif"))).isEqualTo(MovieFormat.GIF);
        assertThatThrownBy(() -> MovieFormat.of(Path.of("movies/umap.avi")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("umap.avi")
                .hasMessageContaining(".mp4, .webm or .gif");
        assertThatThrownBy(() -> MovieFormat.of(Path.of("movies/umap"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(tmp.resolve("m.avi"))).isFalse();
    }

    /** Halves a frame by averaging 2x2 blocks, like the GIF's area scaling. */
    private static BufferedImage half(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int r = 0, g = 0, b = 0;
                for (int k = 0; k < 4; k++) {
                    int p = src.getRGB(2 * x + k % 2, 2 * y + k / 2);
                    r += p >> 16 & 255;
                    g += p >> 8 & 255;
                    b += p & 255;
                }
                out.setRGB(x, y, (r / 4) << 16 | (g / 4) << 8 | (b / 4));
            }
        }
        return out;
    }
}
