package org.umapanim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.dataset.IdxReader;
import org.umapanim.dataset.download.Downloader;
import org.umapanim.dataset.download.KnownDataset;
import org.umapanim.dataset.download.LocalFiles;

/** The data set a run embeds, with the words its pictures are titled with. */
record InputData(Dataset dataset, String selection, String title, String subtitle) {
    private static final String MNIST_TITLE = "MNIST data embedded into two dimensions by UMAP";
    private static final String MNIST_SUBTITLE = "Each point is a handwritten digit";

    static InputData load(PrepareOptions o, long seed, Progress progress) {
        if (o.limit < 0 || o.sample < 0) {
            throw new IllegalArgumentException("--limit and --sample must not be negative");
        }
        Dataset data;
        String title;
        String subtitle;
        if (o.source.dataset != null) {
            KnownDataset known = KnownDataset.byCliName(o.source.dataset);
            data = download(known, o, progress);
            title = known.title();
            subtitle = known.subtitle();
        } else if (o.source.input != null) {
            data = DatasetReader.read(o.source.input, o.label, o.limit);
            title = data.name() + " embedded into two dimensions by UMAP";
            subtitle = "Each point is a row of " + o.source.input.getFileName();
        } else {
            data = DatasetReader.bundled(o.limit);
            title = MNIST_TITLE;
            subtitle = MNIST_SUBTITLE;
        }
        if (o.sample > 0) {
            data = data.sample(o.sample, seed);
        }
        DatasetReader.requireRows(data, o.source.input == null ? Path.of(data.name()) : o.source.input, o.neighbors);
        String selection = o.sample > 0 ? "random sample of " + o.sample + " (seed " + seed + ")"
                : o.limit > 0 ? "first " + o.limit + " rows" : "all rows";
        return new InputData(data, selection, title, subtitle);
    }

    private static Dataset download(KnownDataset known, PrepareOptions o, Progress progress) {
        Path cache = o.cacheDir != null ? o.cacheDir : Downloader.defaultCacheDir();
        LocalFiles files = new Downloader(cache, o.mirrors, progress, Duration.ofSeconds(30)).fetch(known);
        Dataset all = IdxReader.read(List.of(
                        new IdxReader.Pair(files.trainImages(), files.trainLabels()),
                        new IdxReader.Pair(files.testImages(), files.testLabels())),
                known.cliName(), known.labelColumn(), known.classNames());
        return o.limit > 0 ? all.limit(o.limit) : all;
    }

}
