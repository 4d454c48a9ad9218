package org.umapanim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "encode", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Stitch frames/combined-NNNNNN.png into movies: movies/umap.mp4 (H.264) by default, "
                + "or any .mp4, .webm (VP9) and .gif named with --movie, all from one pass over the frames.")
final class EncodeCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin MovieOptions options;
    @Mixin RateOption rate;
    @Mixin FolderOptions.FramesDir frames;
    @Mixin FolderOptions.Movie movie;

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        console.pipeline(FolderOptions.of(null, frames, null, movie, null)).encode(options.settings(rate.fps));
        return 0;
    }
}
