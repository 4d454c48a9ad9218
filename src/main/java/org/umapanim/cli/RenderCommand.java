package org.umapanim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Draw the movie's frames from data/epochs.parquet as frames/combined-NNNNNN.png, paced and framed "
                + "as asked, plus images/intro.png and images/combined.png.")
final class RenderCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin FrameOptions look;
    @Mixin RateOption rate;
    @Mixin ComputeOptions compute;
    @Mixin FolderOptions.DataDir data;
    @Mixin FolderOptions.FramesDir frames;
    @Mixin FolderOptions.ImagesDir images;

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        console.pipeline(FolderOptions.of(data, frames, images, null, null)).render(look.settings(rate.fps, compute.compute()));
        return 0;
    }
}
