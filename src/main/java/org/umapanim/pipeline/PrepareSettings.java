package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.umapanim.common.SettingProblem;
import org.umapanim.dataset.download.Downloader;
import org.umapanim.dataset.download.KnownDataset;
import org.umapanim.umap.InitMethod;
import org.umapanim.umap.Metric;
import org.umapanim.umap.UmapParams;

/**
 * What {@code prepare} embeds and how.
 *
 * @param input     a data file to read, or null
 * @param dataset   a known data set to download (mnist, fashion-mnist), or null; with neither,
 *                  the bundled MNIST sample
 * @param label     the label column: null for the automatic rule, "none" for unlabelled
 * @param limit     keep the first {@code limit} rows; 0 keeps all
 * @param sample    keep a random sample of this many rows, drawn with the seed; 0 for none
 * @param cacheDir  where downloads are kept, or null for the default cache
 * @param mirrors   extra mirrors tried before the built-in ones
 * @param init      how the layout starts: spectral, pca or random (umap-learn's names)
 * @param pca       reduce the data to this many principal components before the kNN; 0 for none
 * @param stretch   normalise x and y separately instead of keeping the aspect ratio
 * @param metric    the kNN distance by its umap-learn name ({@link #metrics()})
 */
public record PrepareSettings(Path input, String dataset, String label, int limit, int sample, Path cacheDir,
                              List<String> mirrors, int epochs, int neighbors, double minDist, double spread,
                              double learningRate, int negativeSampleRate, double repulsionStrength,
                              String init, int pca, boolean stretch, Compute compute, String metric) {

    private static final UmapParams UMAP = UmapParams.DEFAULTS;

    /** The bundled sample, every row, umap-learn's parameters. */
    public static final PrepareSettings DEFAULTS = new PrepareSettings(null, null, null, 0, 0, null, List.of(),
            UMAP.nEpochs(), UMAP.nNeighbors(), UMAP.minDist(), UMAP.spread(), UMAP.learningRate(),
            UMAP.negativeSampleRate(), UMAP.repulsionStrength(), UMAP.init().toString(), UMAP.pca(), false,
            Compute.DEFAULT, UMAP.metric().cliName());

    /** epochs.parquet stores the epoch as UINT_16. */
    static final int MAX_EPOCHS = 0xFFFF;

    /** The record's name of each of UMAP's knobs (umap-learn's names), for problems found by {@link UmapParams}. */
    private static final Map<String, String> SETTING_OF = Map.of("n_neighbors", "neighbors", "min_dist", "minDist",
            "spread", "spread", "n_epochs", "epochs", "learning_rate", "learningRate",
            "repulsion_strength", "repulsionStrength", "negative_sample_rate", "negativeSampleRate", "threads", "threads");

    /** Checks every value here, before any work: a {@link SettingProblem} names the first that cannot work. */
    public PrepareSettings {
        mirrors = List.copyOf(mirrors);
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
        if (epochs > MAX_EPOCHS) {
            throw new SettingProblem("epochs", "must be at most " + MAX_EPOCHS + " (epochs.parquet stores the epoch as"
                    + " a 16-bit number), got " + epochs);
        }
        if (dataset != null) {
            KnownDataset.byCliName(dataset);
        }
        mirrors.forEach(Downloader::baseUrl);
        umapParams(neighbors, minDist, spread, epochs, learningRate, repulsionStrength, negativeSampleRate,
                init, pca, compute, metric);
    }

    /** The metrics {@code metric} accepts, by their umap-learn names. */
    public static List<String> metrics() {
        return Stream.of(Metric.values()).map(Metric::cliName).toList();
    }

    UmapParams umapParams() {
        return umapParams(neighbors, minDist, spread, epochs, learningRate, repulsionStrength, negativeSampleRate,
                init, pca, compute, metric);
    }

    private static UmapParams umapParams(int neighbors, double minDist, double spread, int epochs, double learningRate,
                                         double repulsionStrength, int negativeSampleRate, String init, int pca,
                                         Compute compute, String metric) {
        InitMethod start;
        Metric distance;
        try {
            start = InitMethod.named(init);
        } catch (IllegalArgumentException e) {
            throw new SettingProblem("init", "must be spectral, pca or random, got '" + init + "'");
        }
        try {
            distance = Metric.byName(metric);
        } catch (IllegalArgumentException e) {
            throw new SettingProblem("metric", "must be one of " + Metric.names() + ", got '" + metric + "'");
        }
        try {
            return new UmapParams(neighbors, minDist, spread, epochs, learningRate, repulsionStrength,
                    negativeSampleRate, start, pca, compute.seed(), compute.threads(), distance);
        } catch (SettingProblem p) {
            throw p.renamed(SETTING_OF.getOrDefault(p.setting(), p.setting()));
        }
    }
}
