package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.umapanim.common.SettingProblem;
import org.umapanim.dataset.ReadOptions;
import org.umapanim.dataset.download.Downloader;
import org.umapanim.dataset.download.KnownDataset;

/**
 * Which rows {@code prepare} embeds.
 *
 * @param input    a data file to read, or null
 * @param dataset  a known data set to download (mnist, fashion-mnist), or null; with neither,
 *                 the bundled MNIST sample
 * @param label    the label column: null for the automatic rule, "none" for unlabelled
 * @param limit    keep the first {@code limit} rows; 0 keeps all
 * @param sample   keep a random sample of this many rows, drawn with the run's seed; 0 for none
 * @param cacheDir where downloads are kept, or null for the default cache
 * @param mirrors  extra mirrors tried before the built-in ones
 * @param reading  how to read inputs that hold more than one matrix (.npz, .h5ad, vector columns)
 */
public record InputSelection(Path input, String dataset, String label, int limit, int sample, Path cacheDir,
                             List<String> mirrors, ReadOptions reading) {
    /** The bundled sample, every row. */
    public static final InputSelection DEFAULTS = new InputSelection(null, null, null, 0, 0, null, List.of());

    /** A selection with every format's default reading. */
    public InputSelection(Path input, String dataset, String label, int limit, int sample, Path cacheDir,
                          List<String> mirrors) {
        this(input, dataset, label, limit, sample, cacheDir, mirrors, ReadOptions.DEFAULTS);
    }

    /** How to read inputs of several matrices, from {@code --labels}, {@code --array}, {@code --features}, {@code --use-rep}. */
    public static ReadOptions reading(Path labels, String array, String features, String useRep) {
        return new ReadOptions(labels, array, features, useRep);
    }

    /** Checks every value here, before any work: a {@link SettingProblem} names the first that cannot work. */
    public InputSelection {
        mirrors = List.copyOf(mirrors);
        reading = reading == null ? ReadOptions.DEFAULTS : reading;
        if (limit < 0) {
            throw new SettingProblem("limit", "must not be negative, got " + limit);
        }
        if (sample < 0) {
            throw new SettingProblem("sample", "must not be negative, got " + sample);
        }
        if (limit > 0 && sample > limit) {
            throw new SettingProblem("sample", "asks for a sample of " + sample + " rows, but --limit " + limit
                    + " keeps only the first " + limit + ": sample at most " + limit + " rows, or drop --limit");
        }
        if (dataset != null) {
            KnownDataset.byCliName(dataset);
        }
        mirrors.forEach(Downloader::baseUrl);
    }
}
