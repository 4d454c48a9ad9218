package org.umapanim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "encode", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Stitch frames/combined-NNNNNN.png into an H.264 movie, movies/umap.mp4.")
final class EncodeCommand implements Callable<Integer> {
    @Mixin MovieOptions options;
    @Mixin FolderOptions.FramesDir frames;
    @Mixin FolderOptions.Movie movie;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        Console console = new Console(common);
        try (RunLock lock = RunLock.acquire(List.of(movie.dir()))) {
            EncodeStep encode = new EncodeStep(options, frames.framesDir, movie.movie, common.verbose, console.progress());
            encode.check(RenderStep.recordedFingerprint(frames.framesDir));
            console.report(encode.runFromFrames());
        }
        return 0;
    }
}
