package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.encode.FfProbe;

/**
 * Several movies from one set of frames, end to end: sizes, pacing and formats as asked, probed
 * with Debian's ffprobe; a changed setting remakes only the movies it affects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoviesTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void needsFfprobe() {
        FfProbe.require();
    }

    private static Path movie(String name) {
        return tmp.resolve("movies").resolve(name);
    }

    /** The default pacing and camera, one second at 10 fps, 320x240 at scale 2. */
    private static String[] all(String... extra) {
        List<String> args = new ArrayList<>(List.of("all", "--limit", "300", "--epochs", "10",
                "--duration", "1", "--fps", "10", "--size", "320x240", "--scale", "2",
                "--data-dir", tmp.resolve("data").toString(), "--frames-dir", tmp.resolve("frames").toString(),
                "--images-dir", tmp.resolve("images").toString(), "--movie", movie("a.mp4").toString(),
                "--movie", movie("a.webm").toString(), "--movie", movie("a.gif").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void allMakesEveryMovieFromOneSetOfFrames() throws Exception {
        CliRun run = CliRun.of(all());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 1 s at 10 fps would be 10 frames, but each of the 11 epochs (0-10) gets one of its own
        assertThat(run.out()).contains("H.264, 11 frames", "VP9, 11 frames", "GIF, 11 frames");

        List<Path> frames = Frames.in(tmp.resolve("frames"));
        assertThat(frames).hasSize(11);
        BufferedImage last = ImageIO.read(frames.get(10).toFile());
        assertThat(last.getWidth()).isEqualTo(640);
        assertThat(last.getHeight()).isEqualTo(480);

        FfProbe mp4 = FfProbe.of(movie("a.mp4"));
        assertThat(List.of(mp4.codec(), mp4.width(), mp4.height(), mp4.frames(), mp4.frameRate()))
                .containsExactly("h264", 640, 480, 11 + 20, "10/1");
        assertThat(mp4.duration()).isBetween(3.0, 3.2);
        FfProbe webm = FfProbe.of(movie("a.webm"));
        assertThat(List.of(webm.codec(), webm.width(), webm.height(), webm.frames())).containsExactly("vp9", 640, 480, 31);
        FfProbe gif = FfProbe.of(movie("a.gif"));
        // 550 px wide at most; the GIF's 15 fps is more than the frames have: it plays them all at 10
        assertThat(List.of(gif.codec(), gif.width(), gif.height(), gif.frames(), gif.frameRate()))
                .containsExactly("gif", 550, 413, 11, "10/1");
        assertThat(gif.duration()).isBetween(3.0, 3.2);
    }

    @Test
    @Order(2)
    void aNewGifWidthRemakesTheGifAlone() throws Exception {
        FileTime mp4 = Files.getLastModifiedTime(movie("a.mp4"));
        FileTime webm = Files.getLastModifiedTime(movie("a.webm"));
        CliRun run = CliRun.of(all("--gif-width", "200"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare: skipped", "render:  skipped", "encode:  done", "GIF").doesNotContain("H.264");
        assertThat(Files.getLastModifiedTime(movie("a.mp4"))).isEqualTo(mp4);
        assertThat(Files.getLastModifiedTime(movie("a.webm"))).isEqualTo(webm);
        assertThat(FfProbe.of(movie("a.gif")).width()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aNewCrfRemakesTheMp4AloneAndANewCameraEverything() throws Exception {
        FileTime gif = Files.getLastModifiedTime(movie("a.gif"));
        CliRun run = CliRun.of(all("--gif-width", "200", "--crf", "30"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("render:  skipped", "encode:  done", "H.264").doesNotContain("GIF,");
        assertThat(Files.getLastModifiedTime(movie("a.gif"))).isEqualTo(gif);

        run = CliRun.of(all("--gif-width", "200", "--crf", "30", "--camera", "fixed"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare: skipped", "render:  done", "H.264", "VP9", "GIF");
    }

    @Test
    @Order(4)
    void encodeAlonePlaysTheFramesAtTheRateRenderDrewThemFor() throws Exception {
        String[] frames = {"--data-dir", tmp.resolve("data").toString(), "--frames-dir", tmp.resolve("frames12").toString(),
                "--images-dir", tmp.resolve("images12").toString()};
        List<String> render = new ArrayList<>(List.of("render", "--fps", "12", "--duration", "1", "--size", "160x120"));
        render.addAll(List.of(frames));
        assertThat(CliRun.of(render.toArray(String[]::new)).exitCode()).isZero();
        CliRun run = CliRun.of("encode", "--frames-dir", tmp.resolve("frames12").toString(), "--hold", "0",
                "--movie", movie("b.mp4").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        FfProbe mp4 = FfProbe.of(movie("b.mp4"));
        assertThat(List.of(mp4.frames(), mp4.frameRate(), mp4.width())).containsExactly(12, "12/1", 160);
    }

    @Test
    @Order(5)
    void badMovieOptionsFailInOneLineBeforeAnyWork() {
        Path fresh = tmp.resolve("fresh");
        String[] folders = {"--data-dir", fresh.resolve("data").toString(), "--frames-dir", fresh.resolve("f").toString(),
                "--images-dir", fresh.resolve("i").toString()};
        CliRun avi = CliRun.of(concat(new String[] {"all", "--movie", fresh.resolve("m.avi").toString()}, folders));
        assertThat(avi.exitCode()).isEqualTo(2);
        assertThat(avi.err().lines().findFirst().orElseThrow()).startsWith("umap-anim: --movie names ")
                .contains("m.avi").contains(".mp4, .webm or .gif");
        CliRun camera = CliRun.of(concat(new String[] {"all", "--camera", "orbit"}, folders));
        assertThat(camera.exitCode()).isEqualTo(2);
        assertThat(camera.err().lines().findFirst().orElseThrow())
                .isEqualTo("umap-anim: --camera must be one of fixed, follow, got orbit");
        CliRun size = CliRun.of(concat(new String[] {"render", "--size", "1920by1080"}, folders));
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.err()).contains("1920by1080").contains("WIDTHxHEIGHT");
        CliRun twice = CliRun.of("encode", "--frames-dir", fresh.resolve("f").toString(),
                "--movie", fresh.resolve("x.gif").toString(), "--movie", fresh.resolve(".").resolve("x.gif").toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("--movie names the same movie twice");
        assertThat(fresh).doesNotExist();
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
