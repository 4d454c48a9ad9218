package org.umapanim.cli;

import org.umapanim.pipeline.UmapSettings;
import picocli.CommandLine.Option;

/**
 * UMAP's own options ({@code --reducer umap}); {@code --learning-rate}, {@code --init},
 * {@code --pca} and {@code --metric} are shared with t-SNE ({@link ReducerOptions}).
 */
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

    @Option(names = "--negative-sample-rate", paramLabel = "N", description = "Negative samples per positive edge sample (default: ${DEFAULT-VALUE}).")
    int negativeSampleRate = UMAP.negativeSampleRate();

    @Option(names = "--repulsion-strength", paramLabel = "G", description = "Weight of the negative samples (default: ${DEFAULT-VALUE}).")
    double repulsionStrength = UMAP.repulsionStrength();


    UmapSettings settings(ReducerOptions shared) {
        return new UmapSettings(epochs, neighbors, minDist, spread, shared.learningRate(UMAP.learningRate(), null),
                negativeSampleRate, repulsionStrength, shared.init(UMAP.init()), shared.pca, shared.metric);
    }
}
