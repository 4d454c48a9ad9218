package org.umapanim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Draw every epoch of data/epochs.parquet as frames/combined-NNNNNN.png, plus images/intro.png and images/combined.png.")
final class RenderCommand implements Callable<Integer> {
    @Mixin FrameOptions look;
    @Mixin ComputeOptions compute;
    @Mixin FolderOptions.DataDir data;
    @Mixin FolderOptions.FramesDir frames;
    @Mixin FolderOptions.ImagesDir images;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        Console console = new Console(common);
        try (RunLock lock = RunLock.acquire(List.of(frames.framesDir, images.imagesDir))) {
            RenderStep render = new RenderStep(look, compute, data, frames.framesDir, images.imagesDir, console.progress());
            console.report(render.run(render.check(), null));
        }
        return 0;
    }
}
