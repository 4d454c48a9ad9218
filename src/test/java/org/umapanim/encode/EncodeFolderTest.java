package org.umapanim.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_HIGH;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;

class EncodeFolderTest {
    @TempDir
    Path tmp;

    @Test
    void encodesPngFramesIntoAStreamableH264MovieThatDecodesBackToThem() throws Exception {
        Path frames = tmp.resolve("frames");
        List<BufferedImage> pngs = TestMovies.writeFrames(frames, 30, 1100, 800);
        Path movie = tmp.resolve("movies/umap.mp4");
        List<Long> steps = new ArrayList<>();
        Progress progress = (name, total) -> {
            assertThat(name).isEqualTo("encoding");
            assertThat(total).isEqualTo(30);
            return new Progress.Task() {
                @Override
                public void step(long n) {
                    steps.add(n);
                }

                @Override
                public void close() {}
            };
        };

        EncodeSummary summary = MovieEncoder.encodeFolder(frames, List.of(movie), EncodeOptions.DEFAULTS, progress).get(0);

        assertThat(summary.frames()).isEqualTo(30);
        assertThat(summary.heldFrames()).isEqualTo(60);
        assertThat(summary.bytes()).isEqualTo(Files.size(movie)).isPositive();
        assertThat(steps).hasSize(30);
        assertThat(TestMovies.leftovers(movie.getParent())).isEmpty();

        TestMovies.Decoded d = TestMovies.decode(movie, i -> i == 0 || i == 15 || i == 29 || i == 89);
        assertThat(d.codecId()).isEqualTo(AV_CODEC_ID_H264);
        assertThat(d.codecName()).isEqualTo("h264");
        assertThat(d.pixelFormat()).isEqualTo(AV_PIX_FMT_YUV420P);
        assertThat(d.profile()).isEqualTo(AV_PROFILE_H264_HIGH);
        assertThat(d.colorSpace()).isEqualTo(AVCOL_SPC_SMPTE170M);
        assertThat(d.width()).isEqualTo(1100);
        assertThat(d.height()).isEqualTo(800);
        assertThat(d.fps()).isEqualTo(30.0);
        assertThat(d.frames()).hasSize(30 + 60);

        List<BufferedImage> out = d.frames();
        assertThat(TestMovies.meanAbsDiff(pngs.get(0), out.get(0))).isLessThan(1.5);
        assertThat(TestMovies.meanAbsDiff(pngs.get(15), out.get(15))).isLessThan(1.5);
        assertThat(TestMovies.meanAbsDiff(pngs.get(29), out.get(29))).isLessThan(1.5);
        assertThat(TestMovies.meanAbsDiff(pngs.get(29), out.get(89))).isLessThan(1.5);
        // The tolerance means something: neighbouring frames differ by more than it.
        assertThat(TestMovies.meanAbsDiff(pngs.get(0), out.get(89))).isGreaterThan(5);

        List<String> boxes = TestMovies.topLevelBoxes(movie);
        assertThat(boxes).contains("ftyp", "moov", "mdat");
        assertThat(boxes.indexOf("moov")).as("faststart: %s", boxes).isLessThan(boxes.indexOf("mdat"));
    }

    @Test
    void pngFramesAndTheSamePicturesDrawnInMemoryMakeTheSameMovies() throws Exception {
        // encode takes decoded PNGs as they are (converted to yuv420p without a copy, copied only
        // for the GIF); all hands over images: the movies must not tell them apart
        Path frames = tmp.resolve("frames");
        List<BufferedImage> pictures = TestMovies.writeFrames(frames, 12, 160, 120);
        EncodeOptions o = new EncodeOptions(30, 22, "veryfast", 0.2, 80, 15);
        List<Path> fromPngs = List.of(tmp.resolve("png/umap.gif"), tmp.resolve("png/umap.mp4"));
        List<Path> fromImages = List.of(tmp.resolve("img/umap.gif"), tmp.resolve("img/umap.mp4"));
        MovieEncoder.encodeFolder(frames, fromPngs, o, Progress.NONE);
        try (MovieEncoder encoder = MovieEncoder.open(fromImages, 160, 120, o)) {
            pictures.forEach(encoder::add);
            encoder.finish();
        }
        assertThat(fromPngs.get(0)).hasSameBinaryContentAs(fromImages.get(0));
        // The MP4s are compared as pictures, not bytes: under CPU load x264 encoded the same
        // pictures into different bytes now and then (a different parameter set and frame sizes,
        // with its threads at 1 too, from PNGs decoded on the calling thread too; cause not found),
        // on e13a447 as well. Every picture must still come out the same within the codec's rounding.
        List<BufferedImage> a = TestMovies.decode(fromPngs.get(1)).frames();
        List<BufferedImage> b = TestMovies.decode(fromImages.get(1)).frames();
        assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(pictures.size());
        for (int f = 0; f < a.size(); f++) {
            assertThat(TestMovies.meanAbsDiff(a.get(f), b.get(f))).as("frame %d", f).isLessThan(1.0);
        }
        for (int f = 0; f < pictures.size(); f++) {
            assertThat(TestMovies.meanAbsDiff(pictures.get(f), a.get(f))).as("frame %d against its picture", f).isLessThan(3.0);
        }
    }

    @Test
    void oddSizedFramesArePaddedWithBlackToEvenSides() throws Exception {
        Path frames = tmp.resolve("frames");
        List<BufferedImage> pngs = TestMovies.writeFrames(frames, 12, 151, 97);
        Path movie = tmp.resolve("odd.mp4");

        EncodeSummary summary = MovieEncoder.encodeFolder(frames, List.of(movie),
                new EncodeOptions(30, 22, "medium", 0.5, 550, 15), Progress.NONE).get(0);

        assertThat(summary.heldFrames()).isEqualTo(15);
        TestMovies.Decoded d = TestMovies.decode(movie);
        assertThat(d.codecId()).isEqualTo(AV_CODEC_ID_H264);
        assertThat(d.width()).isEqualTo(152);
        assertThat(d.height()).isEqualTo(98);
        assertThat(d.frames()).hasSize(12 + 15);
        assertThat(TestMovies.meanAbsDiff(pngs.get(0), d.frames().get(0))).isLessThan(3);
        assertThat(TestMovies.meanAbsDiff(pngs.get(11), d.frames().get(26))).isLessThan(3);
        // Not stretched: the padding column and row stay dark.
        BufferedImage last = d.frames().get(26);
        for (int y = 0; y < 98; y += 7) {
            assertThat(last.getRGB(151, y) & 0xFFFFFF).as("right padding at y=%d", y).matches(TestMovies::dark);
        }
    }

    @Test
    void zeroHoldGivesExactlyTheFrames() throws Exception {
        Path frames = tmp.resolve("frames");
        TestMovies.writeFrames(frames, 7, 64, 48);
        Path movie = tmp.resolve("m.mp4");
        MovieEncoder.encodeFolder(frames, List.of(movie), new EncodeOptions(24, 22, "veryfast", 0, 550, 15), Progress.NONE);
        TestMovies.Decoded d = TestMovies.decode(movie);
        assertThat(d.frames()).hasSize(7);
        assertThat(d.fps()).isEqualTo(24.0);
    }

    @Test
    void aGapInTheNumberingNamesTheMissingFrame() throws Exception {
        Path frames = tmp.resolve("frames");
        TestMovies.writeFrames(frames, 5, 32, 32);
        Files.delete(frames.resolve("combined-000003.png"));

        assertThatThrownBy(() -> encode(frames))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(frames.resolve("combined-000003.png"));
                    assertThat(e.problem()).contains("missing").contains("combined-000004.png");
                });
    }

    @Test
    void aSequenceNotStartingAtZeroIsMissingFrameZero() throws Exception {
        Path frames = tmp.resolve("frames");
        TestMovies.writeFrames(frames, 3, 32, 32);
        Files.delete(frames.resolve("combined-000000.png"));

        assertThatThrownBy(() -> encode(frames))
                .isInstanceOfSatisfying(FileProblem.class,
                        e -> assertThat(e.file()).isEqualTo(frames.resolve("combined-000000.png")));
    }

    @Test
    void aFrameOfAnotherSizeIsNamed() throws Exception {
        Path frames = tmp.resolve("frames");
        TestMovies.writeFrames(frames, 4, 64, 48);
        TestMovies.writePng(TestMovies.movingShape(64, 50, 2, BufferedImage.TYPE_3BYTE_BGR),
                frames.resolve("combined-000002.png"));

        assertThatThrownBy(() -> encode(frames))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(frames.resolve("combined-000002.png"));
                    assertThat(e.problem()).contains("64x50").contains("64x48");
                });
    }

    @Test
    void anEmptyFrameFileIsNamed() throws Exception {
        Path frames = tmp.resolve("frames");
        TestMovies.writeFrames(frames, 4, 32, 32);
        Files.write(frames.resolve("combined-000001.png"), new byte[0]);

        assertThatThrownBy(() -> encode(frames))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(frames.resolve("combined-000001.png"));
                    assertThat(e.problem()).contains("empty");
                });
    }

    @Test
    void aFileThatIsNoPngIsNamed() throws Exception {
        Path frames = tmp.resolve("frames");
        TestMovies.writeFrames(frames, 4, 32, 32);
        Files.writeString(frames.resolve("combined-000002.png"), "this is not a picture at all");

        assertThatThrownBy(() -> encode(frames))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(frames.resolve("combined-000002.png"));
                    assertThat(e.problem()).contains("not a PNG");
                });
    }

    @Test
    void aTruncatedPngIsNamedAndAnExistingMovieSurvivesUntouched() throws Exception {
        Path frames = tmp.resolve("frames");
        TestMovies.writeFrames(frames, 6, 96, 64);
        Path movie = tmp.resolve("umap.mp4");
        encode(frames, movie);
        byte[] good = Files.readAllBytes(movie);

        // Header intact (passes the size check), pixel data cut: fails halfway through encoding.
        Path bad = frames.resolve("combined-000004.png");
        byte[] png = Files.readAllBytes(bad);
        Files.write(bad, java.util.Arrays.copyOf(png, 60));

        assertThatThrownBy(() -> encode(frames, movie))
                .isInstanceOfSatisfying(FileProblem.class, e -> assertThat(e.file()).isEqualTo(bad));
        assertThat(Files.readAllBytes(movie)).isEqualTo(good);
        assertThat(TestMovies.leftovers(tmp)).isEmpty();
    }

    @Test
    void noFramesAtAllIsAProblemWithTheDirectory() throws Exception {
        Path frames = Files.createDirectories(tmp.resolve("frames"));
        Files.writeString(frames.resolve("notes.txt"), "not a frame");

        assertThatThrownBy(() -> encode(frames))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(frames);
                    assertThat(e.problem()).contains("no frames");
                });
        assertThatThrownBy(() -> encode(tmp.resolve("nowhere")))
                .isInstanceOfSatisfying(FileProblem.class, e -> assertThat(e.problem()).contains("no such directory"));
        assertThat(tmp.resolve("out.mp4")).doesNotExist();
    }

    private void encode(Path frames) {
        encode(frames, tmp.resolve("out.mp4"));
    }

    private static void encode(Path frames, Path movie) {
        MovieEncoder.encodeFolder(frames, List.of(movie), new EncodeOptions(30, 22, "veryfast", 0.2, 550, 15), Progress.NONE);
    }
}
