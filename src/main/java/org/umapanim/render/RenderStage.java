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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;

/**
 * {@code umap-anim render}: every recorded epoch as {@code frames/combined-NNNNNN.png}, plus
 * {@code images/intro.png} and {@code images/combined.png}.
 *
 * <p>Epochs stream from the reader one at a time; each is painted and written on a pool of
 * {@code threads} workers, with at most twice that many frames in flight, so memory stays
 * bounded however many epochs there are. Frames reach the optional sink in epoch order.
 */
public final class RenderStage {
    public static final String INTRO = "intro.png";
    public static final String COMBINED = "combined.png";
    private static final Pattern FRAME = Pattern.compile("combined-(\\d{6,})\\.png");

    private final RenderInputs inputs;

    public RenderStage(RenderInputs inputs) {
        this.inputs = inputs;
    }

    public static Path framePath(Path framesDir, int epoch) {
        return framesDir.resolve(String.format("combined-%06d.png", epoch));
    }

    /**
     * Renders all frames.
     *
     * @param onlyMissing keep frames that already exist (read back only if {@code sinkOrNull} needs them)
     * @param sinkOrNull  receives every frame in epoch order, or null
     */
    public RenderSummary run(Path epochsFile, Path digitsFile, Path framesDir, Path imagesDir, RenderOptions o,
                             boolean onlyMissing, Progress progress, FrameSink sinkOrNull) {
        long start = System.nanoTime();
        try (EpochSource epochs = inputs.openEpochs(epochsFile)) {
            int n = epochs.points();
            int last = epochs.lastEpoch();
            String[] labels = epochs.labels();
            if (labels.length != n) {
                throw new FileProblem(epochsFile, "has " + n + " points but " + labels.length + " labels");
            }
            Dataset rows = inputs.readRows(digitsFile, epochs.labelColumn(), n);
            if (rows.rows() != n) {
                throw new FileProblem(digitsFile, "has " + rows.rows() + " rows but " + epochsFile.getFileName()
                        + " has " + n + " points; they come from different runs (run prepare again)");
            }
            Legend legend = Legend.of(labels, rows, o.seed());
            FramePainter painter = new FramePainter(legend, labels, o);
            createDirectories(framesDir);
            int deleted = removeStale(framesDir, last);

            Run run = new Run(epochsFile, framesDir, painter, n, last, onlyMissing, sinkOrNull, o.threads());
            try (Progress.Task task = progress.start("frames", last + 1L)) {
                run.all(epochs, task);
            }

            Path intro = imagesDir.resolve(INTRO);
            Path combined = imagesDir.resolve(COMBINED);
            BufferedImage introImage = new IntroPainter(labels, o).paint(run.finalLayout);
            AtomicFiles.write(intro, tmp -> PngWriter.write(introImage, tmp));
            Path finalFrame = framePath(framesDir, last);
            AtomicFiles.write(combined, tmp -> Files.copy(finalFrame, tmp));
            double seconds = (System.nanoTime() - start) / 1e9;
            return new RenderSummary(last + 1, run.drawn.get(), run.kept.get(), deleted, intro, combined, seconds);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FileProblem(epochsFile, "cannot render: " + e.getMessage(), e);
        }
    }

    /** Removes frames of epochs beyond the last (from an earlier, longer run) and leftover temp files. */
    private static int removeStale(Path framesDir, int last) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(framesDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = FRAME.matcher(name);
                if (m.matches() && Long.parseLong(m.group(1)) > last) {
                    Files.delete(f);
                    deleted++;
                } else if (name.startsWith(AtomicFiles.TEMP_PREFIX + "combined-")) {
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
        private final Path epochsFile;
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

        Run(Path epochsFile, Path framesDir, FramePainter painter, int points, int last, boolean onlyMissing,
            FrameSink sink, int threads) {
            this.epochsFile = epochsFile;
            this.framesDir = framesDir;
            this.painter = painter;
            this.points = points;
            this.last = last;
            this.onlyMissing = onlyMissing;
            this.sink = sink;
            this.threads = threads;
        }

        void all(EpochSource epochs, Progress.Task task) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "render-frames");
                t.setDaemon(true);
                return t;
            });
            try {
                epochs.forEachEpoch((epoch, xy) -> {
                    accept(epoch, xy, pool);
                    while (pending.size() >= 2 * threads) {
                        deliver(pending.poll(), task);
                    }
                });
                while (!pending.isEmpty()) {
                    deliver(pending.poll(), task);
                }
            } catch (Exception e) {
                throw unwrap(e);
            } finally {
                pool.shutdownNow();
                // a failed run must not leave workers writing frames after it has reported
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
            if (expected != last + 1) {
                throw new FileProblem(epochsFile, "ends after epoch " + (expected - 1)
                        + " but says its last epoch is " + last);
            }
        }

        private void accept(int epoch, float[] xy, ExecutorService pool) {
            if (epoch != expected) {
                throw new FileProblem(epochsFile, "epoch " + expected + " is missing (next found: " + epoch + ")");
            }
            if (xy.length != 2 * points) {
                throw new FileProblem(epochsFile, "epoch " + epoch + " has " + xy.length / 2
                        + " points instead of " + points);
            }
            expected++;
            if (epoch == last) {
                finalLayout = xy;
            }
            Path file = framePath(framesDir, epoch);
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

        private void deliver(Pending p, Progress.Task task) throws Exception {
            BufferedImage image;
            try {
                image = p.frame.get();
            } catch (ExecutionException e) {
                throw unwrap(e.getCause(), p.file);
            }
            task.step();
            if (sink != null) {
                try {
                    sink.accept(p.epoch, image);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new FileProblem(p.file, "could not pass the frame on: " + e.getMessage(), e);
                }
            }
        }

        private Exception unwrap(Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FileProblem fp) {
                    return fp;
                }
            }
            return e;
        }

        private static Exception unwrap(Throwable cause, Path file) {
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
