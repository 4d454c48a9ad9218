package org.umapanim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "all", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Run prepare, render, encode and view in one go (on the bundled MNIST sample unless told otherwise). "
                + "A stage whose outputs are complete and were made from the same inputs and settings is skipped; "
                + "an interrupted render resumes with the frames it had not drawn.")
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

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        var computing = compute.compute();
        console.pipeline(FolderOptions.of(data, frames, images, movie, html)).all(prepare.settings(computing),
                look.settings(rate.fps, computing), movieOptions.settings(rate.fps), viewOptions.settings(look), force);
        console.finished();
        return 0;
    }
}
