package org.umapanim.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.umapanim.quality.LayoutAgreement;
import org.umapanim.store.EpochHistory;

/**
 * Draws the frames of a comparison ({@link RenderedFiles#frame} names, in a folder of their own):
 * 2–4 runs of the same points side by side, in step by progress ({@link ProgressTimeline}), each
 * through its own camera, with how far their layouts agree measured at every frame.
 *
 * <p>As {@link FrameRenderer} does for one run: a first pass over each run measures its motion and
 * boxes; the drawing pass streams all runs side by side ({@link StepStream}: each holds the two
 * steps around the moment shown), measures the agreement of the frame's layouts in order, and paints
 * and writes frames on {@code threads} workers with at most twice that many in flight, handing them
 * to the optional sink in order.
 */
public final class CompareRenderer {
    /**
     * The panels' cameras may change scale by 10 % a frame (one run's 2 %: {@link FollowCamera}),
     * since a t-SNE run grows about 100× once its early exaggeration ends, within a second or two
     * of the movie: at 2 % a frame its panel would show a speck until then.
     */
    static final double MAX_ZOOM_STEP = 0.10;
    /**
     * The smallest view of a panel: a t-SNE run starts from a layout a ten-thousandth of its final
     * size or less (its PCA start is scaled to a standard deviation of 1e-4), in coordinates
     * normalised over all its steps; one run's camera stops at {@link FollowCamera#MIN_SIDE}.
     */
    static final double MIN_SIDE = 1e-4;

    /** The keyword of the PNG text chunk in which each frame says which progress it shows. */
    static final String PROGRESS_KEYWORD = "progress";

    private CompareRenderer() {}

    /** How many frames a comparison of runs of {@code lasts} steps has with {@code timing}. */
    public static int frames(Timing timing, int[] lasts) {
        return ProgressTimeline.frames(timing, lasts);
    }

    /**
     * @param rows      the rows every run embedded, one per point (the legend's sample images)
     * @param o         size, dot, camera, timing, threads and the legend's seed (title, subtitle and density are not used)
     * @param pairNames what each pair of runs is called on the chart, in {@link LayoutAgreement#pairs} order
     */
    public static CompareSummary run(List<CompareRun> runs, Dataset rows, Path framesDir, RenderOptions o,
                                     LayoutAgreement agreement, List<String> pairNames, boolean onlyMissing,
                                     Progress progress, FrameSink sinkOrNull) {
        long start = System.nanoTime();
        int n = runs.get(0).history().points();
        EpochHistory first = runs.get(0).history();
        Classes classes = Classes.of(first.labels(), first.classes());
        for (CompareRun run : runs) {
            if (run.history().points() != n) {
                throw new IllegalArgumentException("runs of " + n + " and " + run.history().points() + " points");
            }
        }
        if (rows.rows() != n) {
            throw new IllegalArgumentException(rows.rows() + " rows for " + n + " points");
        }
        Timing timing = o.timing();
        boolean follow = o.camera() == Camera.FOLLOW;
        int[] lasts = runs.stream().mapToInt(CompareRun::last).toArray();
        MotionProfile[] profiles = new MotionProfile[runs.size()];
        double[][] motion = new double[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            if (follow || timing.pace() == Pace.MOTION) {
                profiles[r] = MotionProfile.measure(runs.get(r).history(), allSteps(lasts[r]), progress);
                motion[r] = ProgressTimeline.onScreen(profiles[r]);
            }
        }
        double[] progressAt = ProgressTimeline.plan(timing, lasts, timing.pace() == Pace.MOTION ? motion : null);
        int frames = progressAt.length;
        double[][] steps = new double[runs.size()][];
        View[][] views = new View[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            steps[r] = ProgressTimeline.steps(progressAt, lasts[r]);
            if (follow) {
                views[r] = FollowCamera.views(Timeline.of(steps[r]), allSteps(lasts[r]), profiles[r].boxes(), timing.fps(),
                        MAX_ZOOM_STEP, MIN_SIDE);
            } else {
                views[r] = new View[frames];
                Arrays.fill(views[r], View.WHOLE);
            }
        }
        AgreementTrace trace = new AgreementTrace(progressAt, new double[frames][],
                LayoutAgreement.pairs(runs.size()), agreement.k());
        PanelsPainter painter = new PanelsPainter(runs, pairNames, Legend.of(classes, rows, o.seed()), classes, o.size(),
                o.dot());
        FrameRenderer.createDirectories(framesDir);
        int deleted = FrameRenderer.removeStale(framesDir, frames - 1);

        Drawing drawing = new Drawing(framesDir, painter, trace, onlyMissing, sinkOrNull);
        List<StepStream> streams = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "render-compare");
            t.setDaemon(true);
            return t;
        });
        try (Progress.Task task = progress.start("frames", frames)) {
            for (int r = 0; r < runs.size(); r++) {
                streams.add(new StepStream(runs.get(r).history(), "run " + (r + 1)));
            }
            for (int f = 0; f < frames; f++) {
                List<float[]> layouts = new ArrayList<>();
                double[] at = new double[runs.size()];
                View[] frameViews = new View[runs.size()];
                for (int r = 0; r < runs.size(); r++) {
                    at[r] = steps[r][f];
                    layouts.add(streams.get(r).at(at[r]));
                    frameViews[r] = views[r][f];
                }
                trace.values()[f] = agreement.measure(layouts);
                drawing.accept(f, at, layouts, frameViews, pool);
                while (drawing.inFlight() >= 2 * o.threads()) {
                    drawing.deliver(task);
                }
            }
            while (drawing.inFlight() > 0) {
                drawing.deliver(task);
            }
        } finally {
            streams.forEach(StepStream::close);
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new CompareSummary(frames, drawing.drawn.get(), drawing.kept.get(), deleted, trace,
                (System.nanoTime() - start) / 1e9);
    }

    private static int[] allSteps(int last) {
        int[] keys = new int[last + 1];
        for (int i = 0; i <= last; i++) {
            keys[i] = i;
        }
        return keys;
    }

    /** The frames being painted, delivered in order. */
    private static final class Drawing {
        private final Path framesDir;
        private final PanelsPainter painter;
        private final AgreementTrace trace;
        private final boolean onlyMissing;
        private final FrameSink sink;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        final AtomicInteger drawn = new AtomicInteger();
        final AtomicInteger kept = new AtomicInteger();

        Drawing(Path framesDir, PanelsPainter painter, AgreementTrace trace, boolean onlyMissing, FrameSink sink) {
            this.framesDir = framesDir;
            this.painter = painter;
            this.trace = trace;
            this.onlyMissing = onlyMissing;
            this.sink = sink;
        }

        int inFlight() {
            return pending.size();
        }

        void accept(int f, double[] steps, List<float[]> layouts, View[] views, ExecutorService pool) {
            Path file = RenderedFiles.frame(framesDir, f);
            // the frame says which moment it shows, so a resumed render redraws one of another timeline
            Map<String, String> text = Map.of(PROGRESS_KEYWORD, RenderedFiles.epochText(trace.progress(f)));
            Callable<BufferedImage> draw = () -> {
                BufferedImage image = painter.paint(steps, layouts, views, trace, f);
                AtomicFiles.write(file, tmp -> PngWriter.write(image, tmp, text));
                drawn.incrementAndGet();
                return sink == null ? null : image;
            };
            Future<BufferedImage> frame;
            if (onlyMissing && PngWriter.isWhole(file, painter.width(), painter.height(), text)) {
                if (sink == null) {
                    kept.incrementAndGet();
                    frame = CompletableFuture.completedFuture(null);
                } else {
                    frame = pool.submit(() -> {
                        BufferedImage image = ImageIO.read(file.toFile());
                        if (image == null || image.getWidth() != painter.width() || image.getHeight() != painter.height()) {
                            return draw.call();
                        }
                        kept.incrementAndGet();
                        return image;
                    });
                }
            } else {
                frame = pool.submit(draw);
            }
            pending.add(new Pending(f, file, frame));
        }

        void deliver(Progress.Task task) {
            Pending p = pending.poll();
            BufferedImage image;
            try {
                image = p.image().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw new FileProblem(p.file(), "cannot draw the frame: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FileProblem(p.file(), "interrupted while drawing the frame", e);
            }
            task.step();
            if (sink != null) {
                sink.accept(p.frame(), image);
            }
        }
    }

    private record Pending(int frame, Path file, Future<BufferedImage> image) {}
}
