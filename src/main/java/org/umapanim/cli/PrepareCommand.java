package org.umapanim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "prepare", mixinStandardHelpOptions = true, versionProvider = Main.class,
        description = "Embed the data with the reducer (UMAP unless --reducer says otherwise) and write data/digits.parquet and data/epochs.parquet (one layout per step: per epoch for UMAP, per iteration for t-SNE).")
final class PrepareCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin PrepareOptions options;
    @Mixin ComputeOptions compute;
    @Mixin FolderOptions.DataDir data;

    @Override
    public Integer call() {
        Console console = new Console(main.common);
        console.pipeline(FolderOptions.of(data, null, null, null, null)).prepare(options.settings(compute.compute()));
        return 0;
    }
}
