package org.umapanim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.umapanim.common.Progress;
import org.umapanim.render.Camera;
import org.umapanim.render.FramePainter;
import org.umapanim.render.FrameRenderer;
import org.umapanim.render.FrameSize;
import org.umapanim.render.Legend;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderSummary;
import org.umapanim.render.Timing;
import org.umapanim.render.View;

/**
 * Render's benchmark behind {@code bench/render}: the default movie (motion pacing, follow camera,
 * 1100×800) of a {@link SyntheticRun} of any size, held in memory, drawn and written as PNGs the
 * way {@code render} does, and its frames per second — the pass that measures the motion and the
 * README pictures included. Then one frame painted alone on one thread (no PNG), the median of a
 * few. The machine is shared: compare within one run, and mind the load average it prints.
 *
 * <p>Usage: {@code RenderBenchmark [POINTS [FRAMES [THREADS]]]} (default: 1,000,000 points, the
 * default movie's 240 frames of 201 epochs, all cores).
 */
public final class RenderBenchmark {
    private static final int EPOCHS = 200;
    private static final int PAINTS = 7;

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : Timing.DEFAULT.frames(EPOCHS);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        System.out.printf("umap-anim render benchmark: %,d points, %d frames of %d epochs, %d threads, load average %.1f%n",
                points, frames, EPOCHS + 1, threads, loadAverage());

        long t = System.nanoTime();
        SyntheticRun run = new SyntheticRun(points, EPOCHS, 42);
        System.out.printf("make the run                    %,d ms%n", millisSince(t));
        Timing timing = new Timing(Timing.DEFAULT.pace(), frames / (double) Timing.DEFAULT.fps(), 1, Timing.DEFAULT.fps());
        RenderOptions look = new RenderOptions("Render benchmark", points + " points", FrameSize.DEFAULT, null,
                Camera.DEFAULT, timing, threads, 42);

        Path dir = Files.createTempDirectory("umap-anim-render-bench");
        try {
            t = System.nanoTime();
            RenderSummary summary = FrameRenderer.run(run, run.rows(1), dir.resolve("frames"), dir.resolve("images"),
                    look, false, Progress.NONE, null);
            long ms = millisSince(t);
            System.out.printf("render %d frames                 %,d ms: %.1f frames/s (load average %.1f)%n",
                    summary.drawn(), ms, summary.drawn() * 1000.0 / ms, loadAverage());
            System.out.printf("a frame's PNG                   %,d kB (the last)%n",
                    Files.size(dir.resolve("frames").resolve(String.format("combined-%06d.png", frames - 1))) / 1000);

            FramePainter painter = new FramePainter(Legend.swatches(run.labels()), run.labels(), look);
            float[] xy = new float[2 * points];
            run.layout(EPOCHS, xy);
            View view = new View(0.05, 0.05, 0.9);
            long[] paints = new long[PAINTS];
            for (int i = 0; i < PAINTS; i++) {
                t = System.nanoTime();
                painter.paint(EPOCHS, EPOCHS, xy, view);
                paints[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(paints);
            System.out.printf("paint one frame, one thread     %.1f ms (median of %d)%n", paints[PAINTS / 2] / 1e6, PAINTS);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long millisSince(long t) {
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
