package org.umapanim.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.umapanim.common.FileProblem;

class MovieEncoderTest {
    @TempDir
    Path tmp;

    private static final EncodeOptions FAST = new EncodeOptions(30, 22, "veryfast", 0, 550, 15);

    /** Ten bars in the palette's colours, on black, translucent where the type has alpha. */
    private static BufferedImage bars(int width, int height, int type) {
        BufferedImage img = new BufferedImage(width, height, type);
        Graphics2D g = img.createGraphics();
        if (!img.getColorModel().hasAlpha()) {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
        }
        int w = width / 10;
        for (int i = 0; i < 10; i++) {
            g.setColor(TestMovies.PAIRED[i]);
            g.fillRect(i * w, 0, w, height * 2 / 3);
            // Half transparent: to be seen over black, like the frames' background.
            Color c = TestMovies.PAIRED[i];
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 128));
            g.fillRect(i * w, height * 2 / 3, w, height - height * 2 / 3);
        }
        g.dispose();
        return img;
    }

    /** The mean colour of a decoded bar's middle, away from chroma edges. */
    private static int[] meanRgb(BufferedImage img, int x0, int y0, int w, int h) {
        long r = 0, g = 0, b = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int p = img.getRGB(x, y);
                r += (p >> 16) & 255;
                g += (p >> 8) & 255;
                b += p & 255;
            }
        }
        int n = w * h;
        return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
    }

    /**
     * What a viewer should see. Java's getRGB treats grey images as linear light and brightens
     * them; PNG grey values, like drawImage, are the displayed levels.
     */
    private static int[] expectedRgb(BufferedImage img, int x, int y) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int v = img.getRaster().getSample(x, y, 0);
            return new int[] {v, v, v};
        }
        int p = img.getRGB(x, y);
        int a = p >>> 24;
        return new int[] {((p >> 16) & 255) * a / 255, ((p >> 8) & 255) * a / 255, (p & 255) * a / 255};
    }

    @ParameterizedTest(name = "BufferedImage type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_565_RGB})
    void everyImageLayoutKeepsItsColours(int type) throws Exception {
        Path movie = tmp.resolve("bars.mp4");
        BufferedImage frame = bars(400, 120, type);
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 400, 120, FAST)) {
            enc.add(frame);
            enc.add(frame);
            enc.finish();
        }

        TestMovies.Decoded d = TestMovies.decode(movie);
        assertThat(d.frames()).hasSize(2);
        for (int i = 0; i < 10; i++) {
            for (int y : new int[] {20, 90}) {
                int[] got = meanRgb(d.frames().get(1), i * 40 + 12, y, 16, 20);
                int[] want = expectedRgb(frame, i * 40 + 20, y + 10);
                for (int c = 0; c < 3; c++) {
                    assertThat(got[c]).as("bar %d at y=%d, channel %d", i, y, c)
                            .isCloseTo(want[c], org.assertj.core.data.Offset.offset(6));
                }
            }
        }
    }

    @Test
    void aSubImageSharingItsParentsPixelsIsCopiedCorrectly() throws Exception {
        BufferedImage parent = bars(440, 160, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage sub = parent.getSubimage(20, 20, 400, 120);
        Path movie = tmp.resolve("sub.mp4");
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 400, 120, FAST)) {
            enc.add(sub);
            enc.finish();
        }
        BufferedImage out = TestMovies.decode(movie).frames().get(0);
        assertThat(TestMovies.meanAbsDiff(sub, out)).isLessThan(2);
    }

    @Test
    void pngFramesAndRenderedFramesMakeTheSameMovie() throws Exception {
        // encode reads PNGs (3-byte BGR), all hands over the renderer's int RGB images: one movie.
        int[] label = new java.util.Random(3).ints(2000, 0, 10).toArray();
        float[] xy = TestMovies.layout(60, 200, label, 1, TestMovies.Motion.UMAP_LIKE);
        Path[] movies = new Path[2];
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB};
        for (int k = 0; k < 2; k++) {
            movies[k] = tmp.resolve("same-" + k + ".mp4");
            try (MovieEncoder enc = MovieEncoder.open(List.of(movies[k]), 400, 300, FAST)) {
                enc.add(TestMovies.umapLike(400, 300, 60, 200, xy, label, types[k]));
                enc.finish();
            }
        }
        BufferedImage a = TestMovies.decode(movies[0]).frames().get(0);
        BufferedImage b = TestMovies.decode(movies[1]).frames().get(0);
        assertThat(TestMovies.meanAbsDiff(a, b)).isZero();
    }

    @Test
    void theCallerMayDrawEveryFrameIntoTheSameImage() throws Exception {
        Path movie = tmp.resolve("reuse.mp4");
        BufferedImage canvas = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 160, 120, new EncodeOptions(30, 22, "veryfast", 0.1, 550, 15))) {
            for (int i = 0; i < 10; i++) {
                Graphics2D g = canvas.createGraphics();
                g.drawImage(TestMovies.movingShape(160, 120, i * 4, BufferedImage.TYPE_INT_RGB), 0, 0, null);
                g.dispose();
                enc.add(canvas);
            }
            enc.finish();
        }
        TestMovies.Decoded d = TestMovies.decode(movie);
        assertThat(d.frames()).hasSize(10 + 3);
        for (int i : new int[] {0, 5, 9}) {
            BufferedImage want = TestMovies.movingShape(160, 120, i * 4, BufferedImage.TYPE_INT_RGB);
            assertThat(TestMovies.meanAbsDiff(want, d.frames().get(i))).as("frame %d", i).isLessThan(3);
        }
        assertThat(TestMovies.meanAbsDiff(TestMovies.movingShape(160, 120, 36, BufferedImage.TYPE_INT_RGB),
                d.frames().get(12))).as("held frame").isLessThan(3);
        assertThat(TestMovies.meanAbsDiff(TestMovies.movingShape(160, 120, 0, BufferedImage.TYPE_INT_RGB),
                d.frames().get(12))).as("frames differ enough to tell apart").isGreaterThan(6);
    }

    @Test
    void theMovieIsReadableByOthersLikeAnyNewFile() throws Exception {
        Path movie = tmp.resolve("perm.mp4");
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 64, 48, FAST)) {
            enc.add(bars(64, 48, BufferedImage.TYPE_3BYTE_BGR));
            enc.finish();
        }
        Path plain = Files.createFile(tmp.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(movie)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void closingWithoutFinishingLeavesNoMovieAndNoTemporaryFile() throws Exception {
        Path movie = tmp.resolve("movies/umap.mp4");
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 1100, 800, EncodeOptions.DEFAULTS)) {
            for (int i = 0; i < 5; i++) {
                enc.add(TestMovies.movingShape(1100, 800, i, BufferedImage.TYPE_3BYTE_BGR));
            }
            assertThat(TestMovies.leftovers(movie.getParent())).hasSize(1);
        }
        assertThat(movie).doesNotExist();
        assertThat(TestMovies.leftovers(movie.getParent())).isEmpty();
    }

    @Test
    void anExistingMovieSurvivesAnAbandonedEncode() throws Exception {
        Path movie = tmp.resolve("umap.mp4");
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 64, 48, FAST)) {
            enc.add(bars(64, 48, BufferedImage.TYPE_3BYTE_BGR));
            enc.finish();
        }
        byte[] good = Files.readAllBytes(movie);
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 64, 48, FAST)) {
            enc.add(TestMovies.movingShape(64, 48, 3, BufferedImage.TYPE_3BYTE_BGR));
            assertThatThrownBy(() -> enc.add(bars(64, 50, BufferedImage.TYPE_3BYTE_BGR)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64x50").hasMessageContaining("64x48");
        }
        assertThat(Files.readAllBytes(movie)).isEqualTo(good);
        assertThat(TestMovies.leftovers(tmp)).isEmpty();
    }

    @Test
    void anEncoderIsUsedOnce() throws Exception {
        Path movie = tmp.resolve("once.mp4");
        MovieEncoder enc = MovieEncoder.open(List.of(movie), 64, 48, FAST);
        assertThatThrownBy(enc::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("no frames");
        enc.close();
        assertThatThrownBy(() -> enc.add(bars(64, 48, BufferedImage.TYPE_3BYTE_BGR)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(movie).doesNotExist();
        assertThat(TestMovies.leftovers(tmp)).isEmpty();
    }

    @Test
    void aMissingEncoderFailsLoudlyInsteadOfFallingBackToMpeg4() {
        Path movie = tmp.resolve("x.mp4");
        Ffmpeg.requireEncoder("libx264", movie);
        assertThatThrownBy(() -> Ffmpeg.requireEncoder("libx264-not-built-in", movie))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(movie);
                    assertThat(e.problem()).contains("libx264-not-built-in").contains("linux-x86_64-gpl");
                });
    }

    @Test
    void theDecodedCodecIsH264NotAFallback() throws Exception {
        Path movie = tmp.resolve("codec.mp4");
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 64, 48, FAST)) {
            enc.add(bars(64, 48, BufferedImage.TYPE_INT_RGB));
            enc.finish();
        }
        assertThat(TestMovies.decode(movie).codecId()).isEqualTo(AV_CODEC_ID_H264);
    }

    @Test
    void theMp4IsEncodedWithTheChosenX264Settings() throws Exception {
        // x264 writes its settings into the stream (an SEI message): what it was really asked for
        Path movie = tmp.resolve("settings.mp4");
        try (MovieEncoder enc = MovieEncoder.open(List.of(movie), 64, 48, EncodeOptions.DEFAULTS)) {
            enc.add(bars(64, 48, BufferedImage.TYPE_INT_RGB));
            enc.finish();
        }
        String bytes = new String(java.nio.file.Files.readAllBytes(movie), java.nio.charset.StandardCharsets.ISO_8859_1);
        String settings = bytes.substring(bytes.indexOf("x264 - core"));
        settings = settings.substring(0, settings.indexOf('\0'));
        // tune stillimage: deblocking -3:-3, psy-rd 2.0; preset fast: 2 reference frames, subme 6
        assertThat(settings).contains("crf=26.0", "deblock=1:-3:-3", "psy_rd=2.00", "ref=2", "subme=6");
    }

    @Test
    void ffmpegSaysNothingOfItsOwn() throws Exception {
        // x264 reports its settings and statistics at info level ("profile High, level 1.0"): not ours to show
        String said = stderrOf(() -> {
            try (MovieEncoder enc = MovieEncoder.open(List.of(tmp.resolve("quiet.mp4")), 64, 48,
                    new EncodeOptions(30, 22, "veryfast", 0, 550, 15))) {
                enc.add(bars(64, 48, BufferedImage.TYPE_3BYTE_BGR));
                enc.finish();
            }
        });
        assertThat(said).isEmpty();
    }

    private static String stderrOf(Runnable r) {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(bytes, true));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString();
    }

    @Test
    void badOptionsAreRejectedWithTheirRange() {
        assertThatThrownBy(() -> new EncodeOptions(30, 22, "fastest", 2, 550, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preset").hasMessageContaining("veryslow");
        assertThatThrownBy(() -> new EncodeOptions(30, 60, "medium", 2, 550, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crf");
        assertThatThrownBy(() -> new EncodeOptions(0, 22, "medium", 2, 550, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fps");
        assertThatThrownBy(() -> new EncodeOptions(30, 22, "medium", -1, 550, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold");
        assertThatThrownBy(() -> new EncodeOptions(30, 22, "medium", Double.NaN, 550, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold");
        assertThatThrownBy(() -> new EncodeOptions(30, 22, "medium", 2, 8, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gifWidth must be");
        assertThatThrownBy(() -> new EncodeOptions(30, 22, "medium", 2, 550, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gifFps must be");
        assertThat(EncodeOptions.DEFAULTS).isEqualTo(new EncodeOptions(30, 26, "fast", 2.0, 550, 15));
        assertThat(new EncodeOptions(25, 22, "medium", 1.5, 550, 15).holdFrames(25)).isEqualTo(38);
    }
}
