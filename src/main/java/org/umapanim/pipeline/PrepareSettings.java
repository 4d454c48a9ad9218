package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.umapanim.umap.InitMethod;
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
 */
public record PrepareSettings(Path input, String dataset, String label, int limit, int sample, Path cacheDir,
                              List<String> mirrors, int epochs, int neighbors, double minDist, double spread,
                              double learningRate, int negativeSampleRate, double repulsionStrength,
                              String init, int pca, boolean stretch, Compute compute) {

    private static final UmapParams UMAP = UmapParams.DEFAULTS;

    /** The bundled sample, every row, umap-learn's parameters. */
    public static final PrepareSettings DEFAULTS = new PrepareSettings(null, null, null, 0, 0, null, List.of(),
            UMAP.nEpochs(), UMAP.nNeighbors(), UMAP.minDist(), UMAP.spread(), UMAP.learningRate(),
            UMAP.negativeSampleRate(), UMAP.repulsionStrength(), UMAP.init().toString(), UMAP.pca(), false,
            Compute.DEFAULT);

    public PrepareSettings {
        mirrors = List.copyOf(mirrors);
    }

    UmapParams umapParams() {
        return new UmapParams(neighbors, minDist, spread, epochs, learningRate, repulsionStrength,
                negativeSampleRate, InitMethod.named(init), pca, compute.seed(), compute.threads());
    }
}
