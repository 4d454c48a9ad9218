package org.umapanim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "view", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Write movies/umap.html from data/epochs.parquet and data/digits.parquet: one self-contained"
                + " page that opens from disk with no network, to play and scrub every epoch and hover any point.")
final class ViewCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin FrameOptions look;
    @Mixin ViewOptions options;
    @Mixin FolderOptions.DataDir data;
    @Mixin FolderOptions.Html html;

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        console.pipeline(FolderOptions.of(data, null, null, null, html)).view(options.settings(look));
        return 0;
    }
}
