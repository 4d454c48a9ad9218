package org.umapanim.encode;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.umapanim.common.Progress;

/**
 * Not a test (surefire skips it): measures the encoder on 201 frames that look like the real
 * thing. Run with {@code java -cp target/classes:target/test-classes:<deps> org.umapanim.encode.EncodeBenchmark DIR}.
 */
public final class EncodeBenchmark {
    private static double perCall(Runnable r) {
        for (int i = 0; i < 50; i++) {
            r.run();
        }
        int n = 300;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            r.run();
        }
        return (System.nanoTime() - t) / 1e6 / n;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        int width = 1100, height = 800, frames = 201, points = 10_000;
        String preset = args.length > 1 ? args[1] : "medium";
        Files.createDirectories(dir);
        int[] label = new Random(7).ints(points, 0, 10).toArray();

        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage img = TestMovies.umapLike(width, height, 100, 200, TestMovies.layout(100, 200, label, 1, TestMovies.Motion.UMAP_LIKE), label, type);
            ImageToFrame conv = new ImageToFrame(width, height);
            System.out.printf("convert type %d: ImageToFrame %.3f ms/frame", type, perCall(() -> conv.convert(img)));
            try (Java2DFrameConverter j2d = new Java2DFrameConverter()) {
                System.out.printf(", Java2DFrameConverter %.3f ms/frame%n", perCall(() -> j2d.convert(img)));
            }
        }

        EncodeOptions o = new EncodeOptions(30, 22, preset, 2.0, false);
        for (int run = 0; run < 3; run++) {
            int type = run == 1 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_3BYTE_BGR;
            TestMovies.Motion motion = run < 2 ? TestMovies.Motion.UMAP_LIKE : TestMovies.Motion.INCOHERENT;
            Path movie = dir.resolve("inmem-" + type + "-" + motion + ".mp4");
            long inAdd = 0;
            long drawn = 0;
            long cpu = 0;
            EncodeSummary s;
            try (MovieEncoder enc = MovieEncoder.open(movie, width, height, o)) {
                for (int e = 0; e < frames; e++) {
                    long t0 = System.nanoTime();
                    BufferedImage img = TestMovies.umapLike(width, height, e, frames - 1,
                            TestMovies.layout(e, frames - 1, label, 1, motion), label, type);
                    long t1 = System.nanoTime();
                    long c1 = cpuNanos();
                    enc.add(img);
                    inAdd += System.nanoTime() - t1;
                    cpu += cpuNanos() - c1;
                    drawn += t1 - t0;
                }
                long t = System.nanoTime();
                long c = cpuNanos();
                s = enc.finish();
                inAdd += System.nanoTime() - t;
                cpu += cpuNanos() - c;
            }
            System.out.printf("in-memory type %d, motion %s, preset %s: %d+%d frames, %.2f MB, encode %.2f s wall / %.2f s CPU (add+finish), "
                    + "drawing the frames %.2f s, wall %d ms%n", type, motion, preset, s.frames(), s.heldFrames(),
                    s.bytes() / 1e6, inAdd / 1e9, cpu / 1e9, drawn / 1e9, s.millis());
        }

        Path frameDir = dir.resolve("frames");
        Files.createDirectories(frameDir);
        for (int e = 0; e < frames; e++) {
            TestMovies.writePng(TestMovies.umapLike(width, height, e, frames - 1,
                    TestMovies.layout(e, frames - 1, label, 1, TestMovies.Motion.UMAP_LIKE), label, BufferedImage.TYPE_3BYTE_BGR),
                    frameDir.resolve(FrameSequence.fileName(e)));
        }
        long t = System.nanoTime();
        long c = cpuNanos();
        EncodeSummary s = EncodeStage.encodeDirectory(frameDir, dir.resolve("umap.mp4"), o, Progress.NONE);
        System.out.printf("encodeDirectory: %d+%d frames, %.2f MB, %.2f s wall / %.2f s CPU%n", s.frames(), s.heldFrames(),
                s.bytes() / 1e6, (System.nanoTime() - t) / 1e9, (cpuNanos() - c) / 1e9);
    }
}
