package org.umapanim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.umapanim.pipeline.CompareSettings;
import org.umapanim.pipeline.Folders;
import org.umapanim.pipeline.RenderSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Play 2-4 prepared runs of the same rows side by side, in step by progress: frames/compare/, "
                + "movies/compare.mp4 (or any --movie), movies/compare.html and data/compare-metrics.parquet, "
                + "how far the runs' layouts agree at every frame.")
final class CompareCommand implements Callable<Integer> {
    /** Where a comparison writes unless told otherwise: beside the single run's outputs, never over them. */
    static final Folders DEFAULTS = new Folders(Path.of("data"), Path.of("frames", "compare"), Path.of("images"),
            List.of(Path.of("movies", "compare.mp4")), Path.of("movies", "compare.html"));

    @ParentCommand Main main;
    @Mixin MovieOptions movieOptions;
    @Mixin RateOption rate;
    @Mixin ComputeOptions compute;

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--run", paramLabel = "DIR", required = true, description = "A prepared data folder (digits.parquet, epochs.parquet); give 2 to 4, e.g. --run data/umap --run data/tsne.")
    List<Path> runs;

    @HelpSection(HelpSection.Part.FRAMES)
    @Option(names = "--size", paramLabel = "WxH", converter = FrameOptions.SizeConverter.class, description = "Frame size, even sides; the panels stay square (default: ${DEFAULT-VALUE}).")
    String size = CompareSettings.WIDTH + "x" + CompareSettings.HEIGHT;

    @HelpSection(HelpSection.Part.FRAMES)
    @Option(names = "--scale", paramLabel = "X", description = "Pixels per pixel of --size, e.g. 2 for high-DPI screens (default: ${DEFAULT-VALUE}).")
    double scale = CompareSettings.SCALE;

    @HelpSection(HelpSection.Part.FRAMES)
    @Option(names = "--dot", paramLabel = "PX", description = "Point size in pixels of --size (default: by the number of points and the panels' size).")
    Double dot;

    @HelpSection(HelpSection.Part.FRAMES)
    @Option(names = "--camera", paramLabel = "MODE", description = "fixed: each run's whole extent; follow: each panel eased to its own run's current layout (default: ${DEFAULT-VALUE}).")
    String camera = CompareSettings.CAMERA;

    @HelpSection(HelpSection.Part.FRAMES)
    @Option(names = "--pace", paramLabel = "MODE", description = "epochs: progress at an even rate; motion: time in proportion to the larger motion of the runs (default: ${DEFAULT-VALUE}).")
    String pace = CompareSettings.PACE;

    @HelpSection(HelpSection.Part.FRAMES)
    @Option(names = "--duration", paramLabel = "SECONDS", description = "How long the layouts move before the hold (default: "
            + RenderSettings.MOTION_SECONDS + " with --pace motion; with --pace epochs, one frame per step of the longest run).")
    Double duration;

    @HelpSection(HelpSection.Part.FOLDERS)
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of compare-metrics.parquet (default: ${DEFAULT-VALUE}).")
    Path dataDir = DEFAULTS.data();

    @HelpSection(HelpSection.Part.FOLDERS)
    @Option(names = "--frames-dir", paramLabel = "DIR", description = "Folder of the comparison's frames (default: ${DEFAULT-VALUE}).")
    Path framesDir = DEFAULTS.frames();

    @HelpSection(HelpSection.Part.MOVIE)
    @Option(names = "--movie", paramLabel = "FILE", description = "A movie to write: .mp4, .webm or .gif; repeat it for several (default: movies/compare.mp4).")
    List<Path> movies;

    @HelpSection(HelpSection.Part.VIEWER)
    @Option(names = "--html", paramLabel = "FILE", description = "The side-by-side viewer to write (default: ${DEFAULT-VALUE}).")
    Path html = DEFAULTS.html();

    @Option(names = "--force", description = "Redo everything, even what is up to date.")
    boolean force;

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        int[] wh = FrameOptions.SizeConverter.parse(size);
        CompareSettings settings = new CompareSettings(runs, wh[0], wh[1], scale, dot, camera, pace, duration, rate.fps,
                compute.compute());
        Folders folders = new Folders(dataDir, framesDir, DEFAULTS.images(), movies == null ? DEFAULTS.movies() : movies,
                html);
        console.pipeline(folders).compare(settings, movieOptions.settings(rate.fps), force);
        console.finished();
        return 0;
    }
}
