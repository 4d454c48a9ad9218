package org.umapanim.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;

/**
 * Runs the stages — prepare, render, encode, view — on one set of folders, holding the run lock on
 * the folders each writes, and hands a {@link StageReport} of each stage to {@code reports} as it
 * ends. Each stage records what its outputs were made from in a stamp beside them, so {@link #all}
 * skips what is up to date and resumes what was interrupted.
 */
public final class Pipeline {
    private final Folders folders;
    private final Progress progress;
    private final Consumer<StageReport> reports;
    private final boolean verbose;

    /** @param verbose report what UMAP did and the peak memory, and let the libraries (FFmpeg) say more than their errors */
    public Pipeline(Folders folders, Progress progress, Consumer<StageReport> reports, boolean verbose) {
        this.folders = folders;
        this.progress = progress;
        this.reports = reports;
        this.verbose = verbose;
    }

    /** Embeds the data and writes digits.parquet and epochs.parquet, whatever is there. */
    public void prepare(PrepareSettings settings) {
        try (RunLock lock = RunLock.acquire(List.of(folders.data()))) {
            reports.accept(new PrepareStage(settings, folders, progress, verbose).run(false));
        }
    }

    /**
     * Embeds the data unless the data folder holds a complete run of the same inputs and settings
     * (or {@code force}): one of the runs {@code all} prepares to compare.
     */
    public void prepareUnlessUpToDate(PrepareSettings settings, boolean force) {
        try (RunLock lock = RunLock.acquire(List.of(folders.data()))) {
            reports.accept(new PrepareStage(settings, folders, progress, verbose).run(!force));
        }
    }

    /** Draws the frames of epochs.parquet, resuming an interrupted render of the same inputs. */
    public void render(RenderSettings settings) {
        try (RunLock lock = RunLock.acquire(List.of(folders.frames(), folders.images()))) {
            RenderStage render = new RenderStage(settings, folders, progress);
            reports.accept(render.run(render.state(), null));
        }
    }

    /**
     * Encodes the frames in the frames folder into every movie, at the rate render timed them for
     * unless {@code settings} names one. Frames a render left unfinished, or one still draws (it
     * holds the folder's lock), are refused.
     */
    public void encode(EncodeSettings settings) {
        checkMoviesAreFiles();
        if (!Files.isDirectory(folders.frames())) {
            throw new FileProblem(folders.frames(), "no such folder: there are no frames to encode (run render first)");
        }
        List<Path> dirs = new ArrayList<>(folders.movieDirs());
        dirs.add(folders.frames());
        try (RunLock lock = RunLock.acquire(dirs)) {
            StageStamp.Recorded frames = RenderStage.recorded(folders.frames());
            if (frames.exists() && !frames.complete()) {
                throw new FileProblem(folders.frames(), "holds frames of a render that did not finish;"
                        + " run render (or all) again to complete them");
            }
            Integer recorded = RenderStage.recordedFps(frames);
            int fps = settings.fps() != null ? settings.fps()
                    : recorded != null ? recorded : RenderSettings.DEFAULTS.timing().fps();
            reports.accept(new EncodeStage(settings, fps, folders, progress, frames.fingerprint(),
                    frames.inputs().get(RunIdentity.KEY)).runFromFrames(folders.movies()));
        }
    }

    /** A movie path naming a folder would only fail after the whole encode. */
    private void checkMoviesAreFiles() {
        for (Path movie : folders.movies()) {
            if (Files.isDirectory(movie)) {
                throw new FileProblem(movie, "is a folder; --movie names the movie file to write, e.g. "
                        + movie.resolve(Folders.DEFAULT.movies().get(0).getFileName()));
            }
        }
    }

    /** Writes the HTML viewer of epochs.parquet and digits.parquet. */
    public void view(ViewSettings settings) {
        try (RunLock lock = RunLock.acquire(List.of(folders.htmlDir()))) {
            reports.accept(new ViewStage(settings, folders, progress).run());
        }
    }

    /**
     * Plays 2–4 prepared runs side by side: the frames and compare-metrics.parquet, the movies and
     * the viewer, each skipped when up to date (unless {@code force}) and an interrupted render
     * resumed. The runs are opened and checked first: runs of different rows are refused before any
     * folder is made or file written.
     */
    public void compare(CompareSettings settings, EncodeSettings movie, boolean force) {
        ComparedRuns runs = ComparedRuns.open(settings.runs());
        checkMoviesAreFiles();
        List<Path> dirs = new ArrayList<>(List.of(folders.data(), folders.frames(), folders.htmlDir()));
        dirs.addAll(folders.movieDirs());
        try (RunLock lock = RunLock.acquire(dirs)) {
            CompareStage stage = new CompareStage(settings, runs, folders, progress);
            StageStamp.State state = force ? StageStamp.State.STALE : stage.state();
            int fps = movie.fps() != null ? movie.fps() : stage.fps();
            EncodeStage encode = new EncodeStage(movie, fps, folders, progress, stage.fingerprint(), runs.id());
            if (state != StageStamp.State.COMPLETE) {
                try (EncodeStage.InMemory sink = encode.inMemory()) {
                    reports.accept(stage.run(state, sink));
                    reports.accept(sink.finish());
                }
            } else {
                reports.accept(stage.skipped());
                List<Path> stale = encode.stale();
                reports.accept(stale.isEmpty() ? encode.skipped() : encode.runFromFrames(stale));
            }
            CompareViewStage view = new CompareViewStage(runs, stage.panelHeadings(), folders, progress);
            reports.accept(force || view.state() != StageStamp.State.COMPLETE ? view.run() : view.skipped());
        }
    }

    /**
     * Every stage in order, each skipped when its outputs are complete and were made from the same
     * inputs and settings (unless {@code force}).
     */
    public void all(PrepareSettings prepare, RenderSettings look, EncodeSettings movie, ViewSettings page,
                    boolean force) {
        checkMoviesAreFiles();
        // the run will end at its last step (--epochs): a viewer asked for beyond it fails now, before any work
        org.umapanim.view.EpochSelection.parse(page.epochs())
                .requireWithin(prepare.reducer().reducer(prepare.compute()).steps());
        List<Path> dirs = new ArrayList<>(List.of(folders.data(), folders.frames(), folders.images(), folders.htmlDir()));
        dirs.addAll(folders.movieDirs());
        try (RunLock lock = RunLock.acquire(dirs)) {
            reports.accept(new PrepareStage(prepare, folders, progress, verbose).run(!force));

            RenderStage render = new RenderStage(look, folders, progress);
            StageStamp.State renderState = force ? StageStamp.State.STALE : render.state();
            int fps = movie.fps() != null ? movie.fps() : render.fps();
            EncodeStage encode = new EncodeStage(movie, fps, folders, progress, render.fingerprint(), render.run());
            if (renderState != StageStamp.State.COMPLETE) {
                // new frames mean a new movie: encode them as they are drawn, not from the PNGs again
                try (EncodeStage.InMemory sink = encode.inMemory()) {
                    reports.accept(render.run(renderState, sink));
                    reports.accept(sink.finish());
                }
            } else {
                reports.accept(render.skipped());
                List<Path> stale = encode.stale();
                reports.accept(stale.isEmpty() ? encode.skipped() : encode.runFromFrames(stale));
            }

            ViewStage view = new ViewStage(page, folders, progress);
            reports.accept(force || view.state() != StageStamp.State.COMPLETE ? view.run() : view.skipped());
        }
    }
}
