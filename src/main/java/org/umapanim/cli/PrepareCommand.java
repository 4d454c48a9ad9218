package org.umapanim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "prepare", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Embed the data with UMAP and write data/digits.parquet and data/epochs.parquet (one layout per epoch).")
final class PrepareCommand implements Callable<Integer> {
    @Mixin PrepareOptions options;
    @Mixin ComputeOptions compute;
    @Mixin FolderOptions.DataDir data;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        Console console = new Console(common);
        try (RunLock lock = RunLock.acquire(List.of(data.dataDir))) {
            console.report(new PrepareStep(options, compute, data, console.progress()).run(false));
        }
        return 0;
    }
}
