package org.umapanim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.umapanim.pipeline.CompareSettings;
import org.umapanim.pipeline.Folders;
import org.umapanim.pipeline.PrepareSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "all", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Run prepare, render, encode and view in one go (on the bundled MNIST sample unless told otherwise). "
                + "A stage whose outputs are complete and were made from the same inputs and settings is skipped; "
                + "an interrupted render resumes with the frames it had not drawn. "
                + "A fit option given several times (--neighbors 5 --neighbors 50, --reducer, --seed, ...) prepares "
                + "each run in its own data folder (data/neighbors-5, ...) and ends with their comparison, as 'compare'.")
final class AllCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin PrepareOptions prepare;
    @Mixin FrameOptions look;
    @Mixin MovieOptions movieOptions;
    @Mixin ViewOptions viewOptions;
    @Mixin RateOption rate;
    @Mixin ComputeOptions compute;
    @Mixin FolderOptions.DataDir data;
    @Mixin FolderOptions.FramesDir frames;
    @Mixin FolderOptions.ImagesDir images;
    @Mixin FolderOptions.Movie movie;
    @Mixin FolderOptions.Html html;

    @Option(names = "--force", description = "Run every stage, even those whose outputs are up to date.")
    boolean force;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args = args.subList(args.indexOf(spec.name()) + 1, args.size());
        Path dataDir = data.dataDir;
        List<RunVariants.Variant> variants = RunVariants.of(spec, args, dataDir);
        if (!variants.isEmpty()) {
            compareRuns(console, variants);
            console.finished();
            return 0;
        }
        var computing = compute.compute();
        console.pipeline(FolderOptions.of(data, frames, images, movie, html)).all(prepare.settings(computing),
                look.settings(rate.fps, computing), movieOptions.settings(rate.fps), viewOptions.settings(look), force);
        console.finished();
        return 0;
    }

    /**
     * One run per value of the option given several times, each prepared in its own data folder
     * (skipped when up to date), then their comparison: frames in the frames folder's
     * {@code compare}, {@code movies/compare.mp4} and {@code movies/compare.html} unless --movie
     * and --html say otherwise, at 1920×1080 unless --size does.
     */
    private void compareRuns(Console console, List<RunVariants.Variant> variants) {
        // every run's settings checked before any is prepared: a bad value fails at once, with nothing written
        List<PrepareSettings> prepares = new ArrayList<>();
        for (RunVariants.Variant variant : variants) {
            CommandLine line = Main.commandLine(variant.args());
            line.parseArgs(variant.args());
            AllCommand one = line.getSubcommands().get(spec.name()).getCommand();
            prepares.add(one.prepare.settings(one.compute.compute()));
        }
        List<Path> dirs = new ArrayList<>();
        for (int r = 0; r < variants.size(); r++) {
            Path dir = variants.get(r).dataDir();
            console.pipeline(FolderOptions.of(null, null, null, null, null).withData(dir))
                    .prepareUnlessUpToDate(prepares.get(r), force);
            dirs.add(dir);
        }
        boolean sized = spec.commandLine().getParseResult().hasMatchedOption("--size");
        int[] wh = sized ? FrameOptions.SizeConverter.parse(look.size)
                : new int[] {CompareSettings.WIDTH, CompareSettings.HEIGHT};
        CompareSettings settings = new CompareSettings(dirs, wh[0], wh[1], look.scale, look.dot, look.camera, look.pace,
                look.duration, rate.fps, compute.compute());
        Folders defaults = CompareCommand.DEFAULTS;
        Folders folders = new Folders(data.dataDir, frames.framesDir.resolve("compare"), images.imagesDir,
                movie.movies == null ? defaults.movies() : movie.movies,
                html.html.equals(Folders.DEFAULT.html()) ? defaults.html() : html.html);
        console.pipeline(folders).compare(settings, movieOptions.settings(rate.fps), force);
    }
}
