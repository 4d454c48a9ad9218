package org.umapanim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "encode", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Stitch frames/combined-NNNNNN.png into an H.264 movie, movies/umap.mp4.")
final class EncodeCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin MovieOptions options;
    @Mixin FolderOptions.FramesDir frames;
    @Mixin FolderOptions.Movie movie;

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        console.pipeline(FolderOptions.of(null, frames, null, movie, null)).encode(options.settings());
        return 0;
    }
}
