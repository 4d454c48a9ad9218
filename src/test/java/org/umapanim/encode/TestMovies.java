package org.umapanim.encode;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.umapanim.render.RenderedFiles;

/** Makes frames, decodes movies and inspects MP4 files for the encode tests. */
final class TestMovies {
    private TestMovies() {}

    static final Color[] PAIRED = {
        new Color(0xA6CEE3), new Color(0x1F78B4), new Color(0xB2DF8A), new Color(0x33A02C), new Color(0xFB9A99),
        new Color(0xE31A1C), new Color(0xFDBF6F), new Color(0xFF7F00), new Color(0xCAB2D6), new Color(0x6A3D9A),
    };

    /** Frame {@code i} of a coloured disc and square sliding across black, with a caption. */
    static BufferedImage movingShape(int width, int height, int i, int imageType) {
        BufferedImage img = new BufferedImage(width, height, imageType);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        int size = Math.max(8, Math.min(width, height) / 4);
        int x = (i * Math.max(1, width / 40)) % Math.max(1, width - size);
        g.setColor(PAIRED[5]);
        g.fillOval(x, height / 4, size, size);
        g.setColor(PAIRED[1]);
        g.fillRect(width - size - x / 2, height / 2, size, size);
        g.setColor(PAIRED[2]);
        g.fillRect(0, height - size / 2, width, size / 2);
        g.dispose();
        return img;
    }

    /** Writes {@code n} frames combined-000000.png … into {@code dir}; returns the images. */
    static List<BufferedImage> writeFrames(Path dir, int n, int width, int height) throws IOException {
        Files.createDirectories(dir);
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = movingShape(width, height, i, BufferedImage.TYPE_3BYTE_BGR);
            writePng(img, dir.resolve(RenderedFiles.frameName(i)));
            images.add(img);
        }
        return images;
    }

    static void writePng(BufferedImage img, Path file) {
        try {
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An 1100×800-like frame of the real thing: ~10,000 dots in ten colours, titles, a legend. */
    static BufferedImage umapLike(int width, int height, int epoch, int epochs, float[] xy, int[] label, int imageType) {
        BufferedImage img = new BufferedImage(width, height, imageType);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        g.drawString("MNIST data embedded into two dimensions by UMAP", 10, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString("Each point is a handwritten digit", 10, 50);
        int plot = Math.min(800, width);
        g.fillRect(0, 58, plot * epoch / Math.max(1, epochs), 2);
        for (int i = 0; i < label.length; i++) {
            g.setColor(PAIRED[label[i]]);
            int px = (int) (40 + xy[2 * i] * (plot - 80));
            int py = (int) (80 + xy[2 * i + 1] * (height - 120));
            g.fillRect(px, py, 2, 2);
        }
        for (int c = 0; c < 10; c++) {
            g.setColor(PAIRED[c]);
            int lx = plot + 40 + (c % 2) * 120;
            int ly = 120 + (c / 2) * 130;
            for (int t = 0; t < 28 * 28; t += 3) {
                if ((t * 7 + c) % 5 < 2) {
                    g.fillRect(lx + (t % 28) * 3, ly + (t / 28) * 3, 3, 3);
                }
            }
        }
        g.dispose();
        return img;
    }

    /** How the synthetic points move from frame to frame. */
    enum Motion {
        /**
         * Like UMAP's: ten dense blobs pull apart from a clumped start, fast at first, then
         * the steps shrink with the learning rate (1 - epoch/epochs), with a little SGD jitter.
         */
        UMAP_LIKE,
        /** Every point on its own straight path from a uniform scatter: a worst case for H.264. */
        INCOHERENT
    }

    /** Positions in [0,1]² of the points at {@code epoch}; x = xy[2i], y = xy[2i+1]. */
    static float[] layout(int epoch, int epochs, int[] label, long seed, Motion motion) {
        Random r = new Random(seed);
        float[] xy = new float[label.length * 2];
        double t = (double) epoch / Math.max(1, epochs);
        double f = motion == Motion.UMAP_LIKE ? 1 - Math.pow(1 - t, 3) : t;
        double sigma = motion == Motion.UMAP_LIKE ? 0.035 + 0.085 * (1 - f) : 0.05;
        double jitter = motion == Motion.UMAP_LIKE ? 0.003 * (1 - t) : 0;
        for (int i = 0; i < label.length; i++) {
            double a = 2 * Math.PI * label[i] / 10;
            double endX = 0.5 + 0.32 * Math.cos(a);
            double endY = 0.5 + 0.32 * Math.sin(a);
            double startX = motion == Motion.UMAP_LIKE ? 0.5 + 0.08 * Math.cos(a + 1) : r.nextDouble();
            double startY = motion == Motion.UMAP_LIKE ? 0.5 + 0.08 * Math.sin(a + 1) : r.nextDouble();
            double gx = r.nextGaussian();
            double gy = r.nextGaussian();
            double phase = r.nextDouble() * 2 * Math.PI;
            double cx = (1 - f) * startX + f * endX;
            double cy = (1 - f) * startY + f * endY;
            xy[2 * i] = (float) clamp(cx + sigma * gx + jitter * Math.sin(0.9 * epoch + phase));
            xy[2 * i + 1] = (float) clamp(cy + sigma * gy + jitter * Math.cos(0.9 * epoch + phase));
        }
        return xy;
    }

    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }

    /** What a decoded movie is. */
    record Decoded(int codecId, String codecName, int pixelFormat, int profile, int colorSpace, int width, int height,
                   double fps, List<BufferedImage> frames) {}

    /** Decodes every frame of {@code movie}. */
    static Decoded decode(Path movie) throws IOException {
        return decode(movie, i -> true);
    }

    /** Decodes every frame of {@code movie}, keeping the pictures of those {@code keep} accepts (others are null). */
    static Decoded decode(Path movie, java.util.function.IntPredicate keep) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(movie.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            AVStream stream = grabber.getFormatContext().streams(0);
            AVCodecParameters par = stream.codecpar();
            List<BufferedImage> frames = new ArrayList<>();
            Frame f;
            while ((f = grabber.grabImage()) != null) {
                frames.add(keep.test(frames.size()) ? copy(converter.convert(f)) : null);
            }
            Decoded d = new Decoded(par.codec_id(), grabber.getVideoCodecName(), par.format(), par.profile(),
                    par.color_space(), par.width(), par.height(), grabber.getVideoFrameRate(), frames);
            grabber.stop();
            return d;
        }
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Mean absolute difference per colour channel over {@code expected}'s area (0–255). */
    static double meanAbsDiff(BufferedImage expected, BufferedImage actual) {
        long sum = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = expected.getRGB(x, y);
                int b = actual.getRGB(x, y);
                sum += Math.abs(((a >> 16) & 255) - ((b >> 16) & 255))
                        + Math.abs(((a >> 8) & 255) - ((b >> 8) & 255))
                        + Math.abs((a & 255) - (b & 255));
            }
        }
        return sum / (3.0 * expected.getWidth() * expected.getHeight());
    }

    /** The types of the top-level MP4 boxes, in file order. */
    static List<String> topLevelBoxes(Path mp4) throws IOException {
        List<String> types = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(mp4)) {
            long pos = 0;
            long end = ch.size();
            ByteBuffer header = ByteBuffer.allocate(16);
            while (pos + 8 <= end) {
                header.clear();
                ch.read(header, pos);
                header.flip();
                long size = Integer.toUnsignedLong(header.getInt());
                byte[] type = new byte[4];
                header.get(type);
                if (size == 1) {
                    size = header.getLong();
                } else if (size == 0) {
                    size = end - pos;
                }
                types.add(new String(type, java.nio.charset.StandardCharsets.ISO_8859_1));
                if (size < 8) {
                    throw new IOException("bad box size " + size + " at " + pos);
                }
                pos += size;
            }
        }
        return types;
    }

    /** Files in {@code dir} whose names start with the temp prefix. */
    static List<Path> leftovers(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(org.umapanim.common.AtomicFiles.TEMP_PREFIX))
                    .toList();
        }
    }

    /** True for a pixel no brighter than 24 in any channel. */
    static boolean dark(int rgb) {
        return ((rgb >> 16) & 255) <= 24 && ((rgb >> 8) & 255) <= 24 && (rgb & 255) <= 24;
    }
}
