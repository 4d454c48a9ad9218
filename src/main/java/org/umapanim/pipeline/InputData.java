package org.umapanim.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.common.SettingProblem;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.dataset.IdxReader;
import org.umapanim.dataset.download.Downloader;
import org.umapanim.dataset.download.KnownDataset;
import org.umapanim.dataset.download.LocalFiles;
import org.umapanim.reduce.DataProblem;
import org.umapanim.reduce.Reducer;
import org.umapanim.store.EpochsSchema;

/**
 * The data set a run embeds, with the words its pictures are titled with.
 *
 * @param what     the data in words, to begin the title: "MNIST data", the file's data set name
 * @param source   where the rows came from, named by a problem with them
 */
record InputData(Dataset dataset, String selection, String what, String subtitle, Path source) {

    static InputData load(InputSelection s, long seed, Progress progress) {
        Dataset data;
        String what;
        String subtitle;
        if (s.dataset() != null) {
            KnownDataset known = KnownDataset.byCliName(s.dataset());
            data = download(known, s, progress);
            what = known.displayName();
            subtitle = known.subtitle();
        } else if (s.input() != null) {
            data = DatasetReader.read(s.input(), s.label(), s.limit(), s.reading());
            String noun = DatasetReader.rowNoun(s.input());
            what = noun.equals("row") ? data.name() : data.name() + " " + noun + "s";
            subtitle = "Each point is a " + noun + " of " + s.input().getFileName()
                    + (data.matrix() == null ? "" : " (" + data.matrix() + ")");
        } else {
            data = DatasetReader.bundled(s.limit());
            if (s.label() != null && !s.label().equals(data.labelColumn())) {
                throw new SettingProblem("label", "names no column of the bundled sample (its labels are '"
                        + data.labelColumn() + "'): '" + s.label() + "'");
            }
            what = KnownDataset.MNIST.displayName();
            subtitle = KnownDataset.MNIST.subtitle();
        }
        if (s.sample() > data.rows()) {
            throw new SettingProblem("sample", "asks for " + s.sample() + " rows, but " + data.name() + " has "
                    + data.rows());
        }
        if (s.sample() > 0) {
            data = data.sample(s.sample(), seed);
        }
        if (data.labelColumn() != null && EpochsSchema.isReserved(data.labelColumn())) {
            Path file = s.input() == null ? Path.of(data.name()) : s.input();
            String problem = "'" + data.labelColumn() + "': epochs.parquet has its own columns index, x, y and epoch,"
                    + " so the labels cannot be called that there: rename the column in " + file.getFileName();
            throw s.label() != null ? new SettingProblem("label", problem)
                    : new FileProblem(file, "has the label column " + problem);
        }
        String selection = s.sample() > 0 ? "random sample of " + s.sample() + " (seed " + seed + ")"
                : s.limit() > 0 ? "first " + s.limit() + " rows" : "all rows";
        return new InputData(data, selection, what, subtitle, s.input() == null ? Path.of(data.name()) : s.input());
    }

    /** "MNIST data embedded into two dimensions by UMAP". */
    String title(Reducer reducer) {
        return what + " embedded into two dimensions by " + reducer.displayName();
    }

    /** Refuses rows {@code reducer} cannot embed, naming where they came from, before anything is written. */
    void checkFor(Reducer reducer) {
        try {
            reducer.check(dataset.rows(), dataset.cols());
        } catch (DataProblem e) {
            throw new FileProblem(source, e.getMessage(), e);
        }
    }

    private static Dataset download(KnownDataset known, InputSelection s, Progress progress) {
        Path cache = s.cacheDir() != null ? s.cacheDir() : Downloader.defaultCacheDir();
        LocalFiles files = new Downloader(cache, s.mirrors(), progress, Duration.ofSeconds(30)).fetch(known);
        Dataset all = IdxReader.read(List.of(
                        new IdxReader.Pair(files.trainImages(), files.trainLabels()),
                        new IdxReader.Pair(files.testImages(), files.testLabels())),
                known.cliName(), known.labelColumn(), known.classNames());
        return s.limit() > 0 ? all.limit(s.limit()) : all;
    }
}
