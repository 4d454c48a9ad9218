package org.umapanim.encode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A movie as Debian's {@code ffprobe} (a reader independent of our JavaCV build) sees it: the
 * first video stream's codec, size, pixel format, frame rates and decoded frame count, and the
 * container's duration. CI installs the {@code ffmpeg} package; elsewhere tests skip without it.
 */
public record FfProbe(String codec, int width, int height, String pixelFormat, String frameRate, String averageRate,
                      int frames, double duration, String container) {
    private static final Path FFPROBE = Path.of("/usr/bin/ffprobe");

    /** Skips the calling test (outside CI) when ffprobe is not installed. */
    public static void require() {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(FFPROBE), "Debian package ffmpeg (ffprobe) is not installed");
        }
    }

    public static FfProbe of(Path movie) throws IOException, InterruptedException {
        require();
        Process p = new ProcessBuilder(FFPROBE.toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,pix_fmt,r_frame_rate,avg_frame_rate,nb_read_frames"
                        + ":format=duration,format_name",
                "-of", "default=noprint_wrappers=1", movie.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffprobe failed on " + movie + ": " + out);
        }
        Map<String, String> v = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                v.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return new FfProbe(v.get("codec_name"), Integer.parseInt(v.get("width")), Integer.parseInt(v.get("height")),
                v.get("pix_fmt"), v.get("r_frame_rate"), v.get("avg_frame_rate"), Integer.parseInt(v.get("nb_read_frames")),
                Double.parseDouble(v.get("duration")), v.get("format_name"));
    }

    /**
     * Frame {@code index} (from 0) of {@code movie} as Debian's {@code ffmpeg} decodes it: a decoder
     * independent of the FFmpeg build inside JavaCV that encoded it.
     */
    public static java.awt.image.BufferedImage frame(Path movie, int index) throws IOException, InterruptedException {
        require();
        Path ffmpeg = FFPROBE.resolveSibling("ffmpeg");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-v", "error", "-i", movie.toString(), "-vf",
                "select=eq(n\\," + index + ")", "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] png = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0 || png.length == 0) {
            throw new IOException("ffmpeg could not decode frame " + index + " of " + movie);
        }
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    }

    /** Frames per second as a number, from {@code avg_frame_rate} ("30/1"). */
    public double fps() {
        List<String> parts = List.of(averageRate.split("/"));
        return Double.parseDouble(parts.get(0)) / Double.parseDouble(parts.get(1));
    }
}
