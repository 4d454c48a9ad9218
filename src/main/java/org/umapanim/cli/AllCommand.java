package org.umapanim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "all", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run prepare, render and encode in one go (on the bundled MNIST sample unless told otherwise). "
                + "A stage whose outputs are complete and were made from the same inputs and settings is skipped; "
                + "an interrupted render resumes with the frames it had not drawn.")
final class AllCommand implements Callable<Integer> {
    @Mixin PrepareOptions prepareOptions;
    @Mixin FrameOptions look;
    @Mixin MovieOptions movieOptions;
    @Mixin ComputeOptions compute;
    @Mixin FolderOptions.DataDir data;
    @Mixin FolderOptions.FramesDir frames;
    @Mixin FolderOptions.ImagesDir images;
    @Mixin FolderOptions.Movie movie;
    @Mixin CommonOptions common;

    @Option(names = "--force", description = "Run every stage, even those whose outputs are up to date.")
    boolean force;

    @Override
    public Integer call() {
        Console console = new Console(common);
        long started = System.nanoTime();
        try (RunLock lock = RunLock.acquire(List.of(data.dataDir, frames.framesDir, images.imagesDir, movie.dir()))) {
            console.report(new PrepareStep(prepareOptions, compute, data, console.progress()).run(!force));

            RenderStep render = new RenderStep(look, compute, data, frames.framesDir, images.imagesDir, console.progress());
            StageStamp.State renderState = render.check();
            if (force) {
                renderState = StageStamp.State.STALE;
            }
            EncodeStep encode = new EncodeStep(movieOptions, frames.framesDir, movie.movie, common.verbose, console.progress());
            StageStamp.State encodeState = encode.check(render.fingerprint());
            if (renderState != StageStamp.State.COMPLETE) {
                // new frames mean a new movie: encode them as they are drawn, not from the PNGs again
                try (EncodeStep.InMemory sink = encode.inMemory()) {
                    console.report(render.run(renderState, sink));
                    console.report(sink.finish());
                }
            } else {
                console.report(render.skipped());
                console.report(encodeState != StageStamp.State.COMPLETE ? encode.runFromFrames() : encode.skipped());
            }
        }
        console.finished(started);
        return 0;
    }
}
