package org.umapanim.cli;

import org.umapanim.pipeline.TsneSettings;
import picocli.CommandLine.Option;

/**
 * t-SNE's own options ({@code --reducer tsne}); {@code --learning-rate}, {@code --init},
 * {@code --pca} and {@code --metric} are shared with UMAP ({@link ReducerOptions}).
 */
@HelpSection(HelpSection.Part.TSNE)
final class TsneOptions {
    private static final TsneSettings TSNE = TsneSettings.DEFAULTS;

    @Option(names = "--perplexity", paramLabel = "P", description = "t-SNE's effective number of neighbours; the affinities come from the 3·P nearest (default: ${DEFAULT-VALUE}).")
    double perplexity = TSNE.perplexity();

    @Option(names = "--iterations", paramLabel = "N", description = "t-SNE's gradient-descent iterations in all, early exaggeration included; epochs.parquet records the layout before them and after each (default: ${DEFAULT-VALUE}).")
    int iterations = TSNE.iterations();

    @Option(names = "--early-exaggeration", paramLabel = "X", description = "How much t-SNE's attraction is exaggerated at first, so clusters form (default: ${DEFAULT-VALUE}).")
    double earlyExaggeration = TSNE.earlyExaggeration();

    @Option(names = "--early-exaggeration-iterations", paramLabel = "N", description = "Iterations at the early exaggeration (default: ${DEFAULT-VALUE}).")
    int earlyExaggerationIterations = TSNE.earlyExaggerationIterations();

    @Option(names = "--exaggeration", paramLabel = "X", description = "t-SNE's exaggeration after the early phase; above 1 packs clusters tighter, as UMAP does (default: ${DEFAULT-VALUE}).")
    double exaggeration = TSNE.exaggeration();

    TsneSettings settings(ReducerOptions shared) {
        return new TsneSettings(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, exaggeration,
                shared.learningRate(TSNE.learningRate(), TsneSettings.AUTO_LEARNING_RATE), shared.init(TSNE.init()), shared.pca, shared.metric);
    }
}
