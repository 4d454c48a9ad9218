package org.umapanim.cli;

import org.umapanim.pipeline.UmapSettings;
import picocli.CommandLine.Option;

/** UMAP's own options ({@code --reducer umap}). */
@HelpSection(HelpSection.Part.UMAP)
final class UmapOptions {
    private static final UmapSettings UMAP = UmapSettings.DEFAULTS;

    @Option(names = "--epochs", paramLabel = "N", description = "SGD epochs; epochs.parquet records the layout before them and after each (default: ${DEFAULT-VALUE}).")
    int epochs = UMAP.epochs();

    @Option(names = "--neighbors", paramLabel = "K", description = "Nearest neighbours per point, itself included (default: ${DEFAULT-VALUE}).")
    int neighbors = UMAP.neighbors();

    @Option(names = "--min-dist", paramLabel = "D", description = "How tightly points may pack in the layout (default: ${DEFAULT-VALUE}).")
    double minDist = UMAP.minDist();

    @Option(names = "--spread", paramLabel = "S", description = "Scale of the embedded points (default: ${DEFAULT-VALUE}).")
    double spread = UMAP.spread();

    @Option(names = "--learning-rate", paramLabel = "A", description = "Initial SGD learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = UMAP.learningRate();

    @Option(names = "--negative-sample-rate", paramLabel = "N", description = "Negative samples per positive edge sample (default: ${DEFAULT-VALUE}).")
    int negativeSampleRate = UMAP.negativeSampleRate();

    @Option(names = "--repulsion-strength", paramLabel = "G", description = "Weight of the negative samples (default: ${DEFAULT-VALUE}).")
    double repulsionStrength = UMAP.repulsionStrength();

    @Option(names = "--init", paramLabel = "METHOD", description = "How the layout starts: spectral (eigenvectors of the neighbour graph), pca (the first two principal components of the data) or random (default: ${DEFAULT-VALUE}).")
    String init = UMAP.init();

    @Option(names = "--pca", paramLabel = "N", description = "Reduce the data to their first N principal components before finding neighbours. Speeds up wide dense data such as 784-pixel images or embeddings of hundreds of dimensions (e.g. --pca 50); leave it off for data of a few dozen columns or fewer (default: off).")
    int pca = UMAP.pca();

    @Option(names = "--metric", paramLabel = "NAME", completionCandidates = MetricNames.class, description = "Distance the nearest neighbours are found by: ${COMPLETION-CANDIDATES}; cosine suits text and image embeddings. The layout itself is always Euclidean (default: ${DEFAULT-VALUE}).")
    String metric = UMAP.metric();

    static final class MetricNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return UmapSettings.metrics().iterator();
        }
    }

    UmapSettings settings() {
        return new UmapSettings(epochs, neighbors, minDist, spread, learningRate, negativeSampleRate, repulsionStrength,
                init, pca, metric);
    }
}
