package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
 * @param stretch   normalise x and y separately instead of keeping the aspect ratio
 * @param metric    the kNN distance by its umap-learn name ({@link #metrics()})
 */
public record PrepareSettings(Path input, String dataset, String label, int limit, int sample, Path cacheDir,
                              List<String> mirrors, int epochs, int neighbors, double minDist, double spread,
                              double learningRate, int negativeSampleRate, double repulsionStrength,
                              boolean parallelSgd, boolean stretch, Compute compute, String metric) {

    private static final UmapParams UMAP = UmapParams.DEFAULTS;

    /** The bundled sample, every row, umap-learn's parameters. */
    public static final PrepareSettings DEFAULTS = new PrepareSettings(null, null, null, 0, 0, null, List.of(),
            UMAP.nEpochs(), UMAP.nNeighbors(), UMAP.minDist(), UMAP.spread(), UMAP.learningRate(),
            UMAP.negativeSampleRate(), UMAP.repulsionStrength(), UMAP.parallelSgd(), false, Compute.DEFAULT,
            UMAP.metric().cliName());

    public PrepareSettings {
        mirrors = List.copyOf(mirrors);
        try {
            Metric.byName(metric);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric: " + e.getMessage());
        }
    }

    /** The metrics {@code --metric} accepts. */
    public static List<String> metrics() {
        return Stream.of(Metric.values()).map(Metric::cliName).toList();
    }

    UmapParams umapParams() {
        return new UmapParams(neighbors, minDist, spread, epochs, learningRate, repulsionStrength,
                negativeSampleRate, compute.seed(), compute.threads(), parallelSgd, Metric.byName(metric));
    }
}
