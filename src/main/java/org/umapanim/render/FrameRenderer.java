package org.umapanim.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.EpochHistory;

/**
 * Draws every recorded epoch as a frame ({@link RenderedFiles#frame}), plus the two README
 * pictures ({@link RenderedFiles#INTRO}, {@link RenderedFiles#COMBINED}).
 *
 * <p>Epochs stream from the history one at a time; each is painted and written on a pool of
 * {@code threads} workers, with at most twice that many frames in flight, so memory stays
 * bounded however many epochs there are. Frames reach the optional sink in epoch order.
 */
public final class FrameRenderer {
    private FrameRenderer() {}

    /**
     * Renders all frames.
     *
     * @param rows        the embedded rows, one per point (the legend's sample images)
     * @param onlyMissing keep frames that already exist (read back only if {@code sinkOrNull} needs them)
     * @param sinkOrNull  receives every frame in epoch order, or null
     */
    public static RenderSummary run(EpochHistory epochs, Dataset rows, Path framesDir, Path imagesDir,
                                    RenderOptions o, boolean onlyMissing, Progress progress, FrameSink sinkOrNull) {
        return run(epochs, rows, framesDir, imagesDir, o, onlyMissing, progress, sinkOrNull, null);
    }

    /** Renders all frames, with {@code insetOrNull} (the {@code --metrics-inset} chart) drawn in each if given. */
    public static RenderSummary run(EpochHistory epochs, Dataset rows, Path framesDir, Path imagesDir,
                                    RenderOptions o, boolean onlyMissing, Progress progress, FrameSink sinkOrNull,
                                    MetricsInset insetOrNull) {
        long start = System.nanoTime();
        int n = epochs.points();
        int last = epochs.lastEpoch();
        String[] labels = epochs.labels();
        if (rows.rows() != n) {
            throw new IllegalArgumentException(rows.rows() + " rows for " + n + " points");
        }
        Legend legend = Legend.of(labels, rows, o.seed());
        FramePainter painter = new FramePainter(legend, labels, o, insetOrNull);
        createDirectories(framesDir);
        int deleted = removeStale(framesDir, last);

        Run run = new Run(framesDir, painter, n, last, onlyMissing, sinkOrNull, o.threads());
        try (Progress.Task task = progress.start("frames", last + 1L)) {
            run.all(epochs, task);
        }

        Path intro = imagesDir.resolve(RenderedFiles.INTRO);
        Path combined = imagesDir.resolve(RenderedFiles.COMBINED);
        BufferedImage introImage = new IntroPainter(labels, o).paint(run.finalLayout);
        AtomicFiles.write(intro, tmp -> PngWriter.write(introImage, tmp));
        Path finalFrame = RenderedFiles.frame(framesDir, last);
        AtomicFiles.write(combined, tmp -> Files.copy(finalFrame, tmp));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RenderSummary(last + 1, run.drawn.get(), run.kept.get(), deleted, intro, combined, seconds);
    }

    /** Removes frames of epochs beyond the last (from an earlier, longer run) and leftover temp files. */
    private static int removeStale(Path framesDir, int last) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(framesDir)) {
            for (Path f : files) {
                if (RenderedFiles.epochOf(f).orElse(-1) > last) {
                    Files.delete(f);
                    deleted++;
                } else if (RenderedFiles.isTemporaryFrame(f)) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new FileProblem(framesDir, "cannot clear old frames: " + e.getMessage(), e);
        }
        return deleted;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileProblem(dir, "cannot create the folder: " + e.getMessage(), e);
        }
    }

    /** One pass over the epochs: painting in parallel, delivering in order. */
    private static final class Run {
        private final Path framesDir;
        private final FramePainter painter;
        private final int points;
        private final int last;
        private final boolean onlyMissing;
        private final FrameSink sink;
        private final int threads;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        final AtomicInteger drawn = new AtomicInteger();
        final AtomicInteger kept = new AtomicInteger();
        float[] finalLayout;
        private int expected;

        Run(Path framesDir, FramePainter painter, int points, int last, boolean onlyMissing, FrameSink sink,
            int threads) {
            this.framesDir = framesDir;
            this.painter = painter;
            this.points = points;
            this.last = last;
            this.onlyMissing = onlyMissing;
            this.sink = sink;
            this.threads = threads;
        }

        void all(EpochHistory epochs, Progress.Task task) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "render-frames");
                t.setDaemon(true);
                return t;
            });
            try {
                epochs.forEachEpoch((epoch, xy) -> {
                    accept(epoch, xy.clone(), pool);
                    while (pending.size() >= 2 * threads) {
                        deliver(pending.poll(), task);
                    }
                });
                while (!pending.isEmpty()) {
                    deliver(pending.poll(), task);
                }
            } finally {
                pool.shutdownNow();
                // a failed run must not leave workers writing frames after it has reported
                awaitTermination(pool);
            }
            if (expected != last + 1) {
                throw new IllegalStateException("the history ends after epoch " + (expected - 1)
                        + " but says its last epoch is " + last);
            }
        }

        private static void awaitTermination(ExecutorService pool) {
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void accept(int epoch, float[] xy, ExecutorService pool) {
            if (epoch != expected) {
                throw new IllegalStateException("epoch " + expected + " is missing (next found: " + epoch + ")");
            }
            if (xy.length != 2 * points) {
                throw new IllegalStateException("epoch " + epoch + " has " + xy.length / 2
                        + " points instead of " + points);
            }
            expected++;
            if (epoch == last) {
                finalLayout = xy;
            }
            Path file = RenderedFiles.frame(framesDir, epoch);
            Future<BufferedImage> frame;
            if (onlyMissing && Files.isRegularFile(file)) {
                frame = sink == null ? CompletableFuture.completedFuture(null) : pool.submit(() -> reuse(file, epoch, xy));
                if (sink == null) {
                    kept.incrementAndGet();
                }
            } else {
                frame = pool.submit(draw(file, epoch, xy));
            }
            pending.add(new Pending(epoch, file, frame));
        }

        private Callable<BufferedImage> draw(Path file, int epoch, float[] xy) {
            return () -> {
                BufferedImage image = painter.paint(epoch, last, xy);
                AtomicFiles.write(file, tmp -> PngWriter.write(image, tmp));
                drawn.incrementAndGet();
                return sink == null ? null : image;
            };
        }

        /** An existing frame for the sink; one that cannot be read back as a frame is drawn again. */
        private BufferedImage reuse(Path file, int epoch, float[] xy) throws Exception {
            BufferedImage image;
            try {
                image = ImageIO.read(file.toFile());
            } catch (IOException e) {
                image = null;
            }
            if (image == null || image.getWidth() != FramePainter.WIDTH || image.getHeight() != FramePainter.HEIGHT) {
                return draw(file, epoch, xy).call();
            }
            kept.incrementAndGet();
            return image;
        }

        private void deliver(Pending p, Progress.Task task) {
            BufferedImage image;
            try {
                image = p.frame.get();
            } catch (ExecutionException e) {
                throw unwrap(e.getCause(), p.file);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FileProblem(p.file, "interrupted while drawing the frame", e);
            }
            task.step();
            if (sink != null) {
                sink.accept(p.epoch, image);
            }
        }

        private static RuntimeException unwrap(Throwable cause, Path file) {
            if (cause instanceof RuntimeException r) {
                return r;
            }
            if (cause instanceof IOException io) {
                return new UncheckedIOException(io);
            }
            return new FileProblem(file, "cannot draw the frame: " + cause, cause);
        }
    }

    private record Pending(int epoch, Path file, Future<BufferedImage> frame) {}
}
