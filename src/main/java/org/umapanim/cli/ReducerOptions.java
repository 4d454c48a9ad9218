package org.umapanim.cli;

import org.umapanim.common.SettingProblem;
import org.umapanim.pipeline.UmapSettings;
import picocli.CommandLine.Option;

/**
 * The options UMAP and t-SNE share, by the names both communities use: one option each, whose
 * default is the reducer's own (UMAP's learning rate 1 and spectral start, t-SNE's N /
 * exaggeration and PCA start).
 */
@HelpSection(HelpSection.Part.LAYOUT)
final class ReducerOptions {
    /** What {@code --learning-rate} takes for t-SNE's N / exaggeration. */
    static final String AUTO = "auto";

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Step size: UMAP's initial SGD learning rate (default 1.0); t-SNE's, where auto is N / exaggeration in each phase (default auto).")
    String learningRate;

    @Option(names = "--init", paramLabel = "METHOD", description = "How the layout starts: spectral (eigenvectors of the neighbour graph; UMAP only), pca (the first two principal components of the data) or random (default: spectral for UMAP, pca scaled to a standard deviation of 1e-4 for t-SNE).")
    String init;

    @Option(names = "--pca", paramLabel = "N", description = "Reduce the data to their first N principal components before finding neighbours. Speeds up wide dense data such as 784-pixel images or embeddings of hundreds of dimensions (e.g. --pca 50); leave it off for data of a few dozen columns or fewer (default: off).")
    int pca = UmapSettings.DEFAULTS.pca();

    @Option(names = "--metric", paramLabel = "NAME", completionCandidates = MetricNames.class, description = "Distance the nearest neighbours are found by: ${COMPLETION-CANDIDATES}; cosine suits text and image embeddings. The layout itself is always Euclidean (default: ${DEFAULT-VALUE}).")
    String metric = UmapSettings.DEFAULTS.metric();

    static final class MetricNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return UmapSettings.metrics().iterator();
        }
    }

    /** {@code --learning-rate} as a number, {@code reducerDefault} when not given; "auto" is {@code auto}, where the reducer has one. */
    double learningRate(double reducerDefault, Double auto) {
        if (learningRate == null) {
            return reducerDefault;
        }
        if (learningRate.equalsIgnoreCase(AUTO)) {
            if (auto == null) {
                throw new SettingProblem("learningRate", "must be a number for UMAP (auto is t-SNE's), got 'auto'");
            }
            return auto;
        }
        try {
            return Double.parseDouble(learningRate);
        } catch (NumberFormatException e) {
            throw new SettingProblem("learningRate", "must be a number" + (auto == null ? "" : " or auto") + ", got '"
                    + learningRate + "'");
        }
    }

    /** {@code --init}, {@code reducerDefault} when not given. */
    String init(String reducerDefault) {
        return init == null ? reducerDefault : init;
    }
}
