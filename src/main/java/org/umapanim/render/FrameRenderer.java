package org.umapanim.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
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
 * Draws the movie's frames ({@link RenderedFiles#frame}), plus the two README pictures
 * ({@link RenderedFiles#INTRO}, {@link RenderedFiles#COMBINED}).
 *
 * <p>The {@link Timeline} says which moment of the run each frame shows; a first pass over the
 * history measures what the pacing and the camera need ({@link MotionProfile}), when they need
 * anything. The drawing pass streams the epochs and keeps only the two drawn epochs on either side
 * of the frames it is making, interpolating between them; each frame is painted and written on a
 * pool of {@code threads} workers, with at most twice that many frames in flight, so memory stays
 * bounded however many epochs there are. Frames reach the optional sink in order.
 */
public final class FrameRenderer {
    private FrameRenderer() {}

    /**
     * Renders all frames.
     *
     * @param rows        the embedded rows, one per point (the legend's sample images)
     * @param onlyMissing keep frames that already exist whole (read back only if {@code sinkOrNull}
     *                    needs them); damaged ones are drawn again
     * @param sinkOrNull  receives every frame in order, or null
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
        Classes classes = Classes.of(epochs.labels(), epochs.classes());
        if (rows.rows() != n) {
            throw new IllegalArgumentException(rows.rows() + " rows for " + n + " points");
        }
        Timing timing = o.timing();
        int[] keys = timing.keyEpochs(last);
        boolean follow = o.camera() == Camera.FOLLOW;
        MotionProfile profile = follow || timing.pace() == Pace.MOTION
                ? MotionProfile.measure(epochs, keys, progress) : null;
        Timeline timeline = Timeline.plan(timing, last, keys, profile == null ? null : profile.steps());
        View[] views = new View[timeline.frames()];
        if (follow) {
            views = FollowCamera.views(timeline, keys, profile.boxes(), timing.fps());
        } else {
            Arrays.fill(views, View.WHOLE);
        }

        Legend legend = Legend.of(classes, rows, o.seed());
        FramePainter painter = new FramePainter(legend, classes, o, insetOrNull, epochs.phases());
        createDirectories(framesDir);
        int frames = timeline.frames();
        int deleted = removeStale(framesDir, frames - 1);

        Run run = new Run(framesDir, painter, n, last, keys, timeline, views, onlyMissing, sinkOrNull, o.threads());
        try (Progress.Task task = progress.start("frames", frames)) {
            run.all(epochs, task);
        }

        Path intro = imagesDir.resolve(RenderedFiles.INTRO);
        Path combined = imagesDir.resolve(RenderedFiles.COMBINED);
        BufferedImage introImage = new IntroPainter(classes, o).paint(run.finalLayout);
        AtomicFiles.write(intro, tmp -> PngWriter.write(introImage, tmp));
        Path finalFrame = RenderedFiles.frame(framesDir, frames - 1);
        AtomicFiles.write(combined, tmp -> Files.copy(finalFrame, tmp));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RenderSummary(frames, run.drawn.get(), run.kept.get(), deleted, intro, combined, seconds);
    }

    /** Removes frames beyond the last (from an earlier, longer movie) and leftover temp files. */
    static int removeStale(Path framesDir, int lastFrame) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(framesDir)) {
            for (Path f : files) {
                if (RenderedFiles.frameNumber(f).orElse(-1) > lastFrame) {
                    Files.delete(f);
                    deleted++;
                } else if (RenderedFiles.isTemporaryFrame(f)) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new FileProblem(framesDir, "cannot clear old frames: " + FileProblem.reason(e), e);
        }
        return deleted;
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileProblem(dir, "cannot create the folder: " + FileProblem.reason(e), e);
        }
    }

    /** The drawing pass over the epochs: frames painted in parallel, delivered in order. */
    private static final class Run {
        private final Path framesDir;
        private final FramePainter painter;
        private final int points;
        private final int last;
        private final int[] keys;
        private final Timeline timeline;
        private final View[] views;
        private final boolean onlyMissing;
        private final FrameSink sink;
        private final int threads;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        final AtomicInteger drawn = new AtomicInteger();
        final AtomicInteger kept = new AtomicInteger();
        float[] finalLayout;
        private int expected;
        private int nextKey;
        private int nextFrame;
        private float[] previous;

        Run(Path framesDir, FramePainter painter, int points, int last, int[] keys, Timeline timeline, View[] views,
            boolean onlyMissing, FrameSink sink, int threads) {
            this.framesDir = framesDir;
            this.painter = painter;
            this.points = points;
            this.last = last;
            this.keys = keys;
            this.timeline = timeline;
            this.views = views;
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
                    check(epoch, xy);
                    if (nextKey < keys.length && epoch == keys[nextKey]) {
                        frames(epoch, xy.clone(), pool, task);
                        nextKey++;
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

        private void check(int epoch, float[] xy) {
            if (epoch != expected) {
                throw new IllegalStateException("epoch " + expected + " is missing (next found: " + epoch + ")");
            }
            if (xy.length != 2 * points) {
                throw new IllegalStateException("epoch " + epoch + " has " + xy.length / 2
                        + " points instead of " + points);
            }
            expected++;
        }

        /** The frames up to drawn epoch {@code epoch}, between the drawn epoch before it and this one. */
        private void frames(int epoch, float[] layout, ExecutorService pool, Progress.Task task) {
            int from = nextKey > 0 ? keys[nextKey - 1] : epoch;
            while (nextFrame < timeline.frames() && timeline.epoch(nextFrame) <= epoch) {
                double at = timeline.epoch(nextFrame);
                Moment xy = at >= epoch || previous == null ? new Moment(null, layout, 1)
                        : new Moment(previous, layout, (float) ((at - from) / (epoch - from)));
                accept(nextFrame, at, xy, pool);
                nextFrame++;
                while (pending.size() >= 2 * threads) {
                    deliver(pending.poll(), task);
                }
            }
            if (epoch == last) {
                finalLayout = layout;
            }
            previous = layout;
        }

        private void accept(int frameNumber, double epoch, Moment xy, ExecutorService pool) {
            Path file = RenderedFiles.frame(framesDir, frameNumber);
            View view = views[frameNumber];
            Future<BufferedImage> frame;
            if (onlyMissing && PngWriter.isWhole(file, painter.width(), painter.height(), epochChunk(epoch))) {
                frame = sink == null ? CompletableFuture.completedFuture(null)
                        : pool.submit(() -> reuse(file, epoch, xy, view));
                if (sink == null) {
                    kept.incrementAndGet();
                }
            } else {
                frame = pool.submit(draw(file, epoch, xy, view));
            }
            pending.add(new Pending(frameNumber, file, frame));
        }

        /** The text chunk in which a frame says which epoch it shows. */
        private static Map<String, String> epochChunk(double epoch) {
            return Map.of(RenderedFiles.EPOCH_KEYWORD, RenderedFiles.epochText(epoch));
        }

        private Callable<BufferedImage> draw(Path file, double epoch, Moment xy, View view) {
            return () -> {
                BufferedImage image = painter.paint(epoch, last, xy.layout(), view);
                AtomicFiles.write(file, tmp -> PngWriter.write(image, tmp, epochChunk(epoch)));
                drawn.incrementAndGet();
                return sink == null ? null : image;
            };
        }

        /** An existing frame for the sink; one that cannot be read back as a frame is drawn again. */
        private BufferedImage reuse(Path file, double epoch, Moment xy, View view) throws Exception {
            BufferedImage image;
            try {
                image = ImageIO.read(file.toFile());
            } catch (IOException e) {
                image = null;
            }
            if (image == null || image.getWidth() != painter.width() || image.getHeight() != painter.height()) {
                return draw(file, epoch, xy, view).call();
            }
            kept.incrementAndGet();
            return image;
        }

        private static void awaitTermination(ExecutorService pool) {
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliver(Pending p, Progress.Task task) {
            BufferedImage image;
            try {
                image = p.image.get();
            } catch (ExecutionException e) {
                throw unwrap(e.getCause(), p.file);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FileProblem(p.file, "interrupted while drawing the frame", e);
            }
            task.step();
            if (sink != null) {
                sink.accept(p.frame, image);
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

    private record Pending(int frame, Path file, Future<BufferedImage> image) {}

    /**
     * The layout a frame shows: {@code t} of the way from drawn epoch {@code from} to drawn epoch
     * {@code to}, or {@code to} itself when {@code from} is null. Interpolated by the worker that draws the frame, not by the thread that reads the
     * epochs, so that reading does not wait for it (a million points: 2–4 ms a frame), into an
     * array of the worker's own, reused from frame to frame (the painter keeps nothing of it).
     */
    private record Moment(float[] from, float[] to, float t) {
        private static final ThreadLocal<float[]> BETWEEN = ThreadLocal.withInitial(() -> new float[0]);

        float[] layout() {
            if (from == null) {
                return to;
            }
            float[] xy = BETWEEN.get();
            if (xy.length != to.length) {
                xy = new float[to.length];
                BETWEEN.set(xy);
            }
            for (int i = 0; i < xy.length; i++) {
                xy[i] = from[i] + t * (to[i] - from[i]);
            }
            return xy;
        }
    }
}
