package org.umapanim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.umapanim.dataset.ReadOptions;
import org.umapanim.pipeline.Compute;
import org.umapanim.pipeline.PrepareSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What to embed and how: the input data set and the UMAP parameters. */
@HelpSection(HelpSection.Part.UMAP)
final class PrepareOptions {
    @ArgGroup(exclusive = true)
    Source source = new Source();

    @HelpSection(HelpSection.Part.INPUT)
    static final class Source {
        @Option(names = "--input", paramLabel = "PATH", description = "Data set to embed: IDX (images or labels file, .gz or plain), CSV, Parquet, NumPy .npy/.npz or AnnData .h5ad (default: the bundled 10,000 MNIST digits).")
        Path input;

        @Option(names = "--dataset", paramLabel = "NAME", description = "Download (once, then cached) and embed a known data set: mnist or fashion-mnist, 70,000 rows each (default: none, the bundled sample).")
        String dataset;
    }

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column of a CSV/Parquet input, obs column of an .h5ad, array of an .npz; 'none' for unlabelled data (default: label, else digit, else class).")
    String label = PrepareSettings.DEFAULTS.label();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--labels", paramLabel = "FILE", description = "Labels of a .npy/.npz input, one per row: a .npy of integers, text or booleans, or a text/CSV file of one column (default: none).")
    Path labels = PrepareSettings.DEFAULTS.reading().labels();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--array", paramLabel = "NAME", description = "Which array of an .npz input holds the vectors (default: the first).")
    String array = PrepareSettings.DEFAULTS.reading().array();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--features", paramLabel = "COLUMN", description = "Which list column of a Parquet/CSV input holds the vectors (default: the only list column, else one column per feature).")
    String features = PrepareSettings.DEFAULTS.reading().features();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--use-rep", paramLabel = "KEY", description = "Which matrix of an .h5ad input to embed: an obsm key (X_pca), X, or layers/NAME (default: scanpy's rule: obsm/X_pca, else X if it has at most 50 columns, else the first 50 principal components of X).")
    String useRep = PrepareSettings.DEFAULTS.reading().useRep();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--limit", paramLabel = "N", description = "Keep only the first N rows; the bundled data are shuffled, so these are a fair sample (default: all rows).")
    int limit = PrepareSettings.DEFAULTS.limit();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--sample", paramLabel = "N", description = "Keep a random sample of N rows, drawn with --seed (default: no sampling).")
    int sample = PrepareSettings.DEFAULTS.sample();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where --dataset keeps its downloads (default: $UMAP_ANIM_CACHE, else ~/.cache/umap-anim).")
    Path cacheDir = PrepareSettings.DEFAULTS.cacheDir();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--mirror", paramLabel = "URL", description = "A folder URL serving the data set's files, tried before the built-in mirrors; repeatable (default: only the built-in mirrors).")
    List<String> mirrors = new ArrayList<>(PrepareSettings.DEFAULTS.mirrors());

    @Option(names = "--epochs", paramLabel = "N", description = "SGD epochs; epochs.parquet records the layout before them and after each (default: ${DEFAULT-VALUE}).")
    int epochs = PrepareSettings.DEFAULTS.epochs();

    @Option(names = "--neighbors", paramLabel = "K", description = "Nearest neighbours per point, itself included (default: ${DEFAULT-VALUE}).")
    int neighbors = PrepareSettings.DEFAULTS.neighbors();

    @Option(names = "--min-dist", paramLabel = "D", description = "How tightly points may pack in the layout (default: ${DEFAULT-VALUE}).")
    double minDist = PrepareSettings.DEFAULTS.minDist();

    @Option(names = "--spread", paramLabel = "S", description = "Scale of the embedded points (default: ${DEFAULT-VALUE}).")
    double spread = PrepareSettings.DEFAULTS.spread();

    @Option(names = "--learning-rate", paramLabel = "A", description = "Initial SGD learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = PrepareSettings.DEFAULTS.learningRate();

    @Option(names = "--negative-sample-rate", paramLabel = "N", description = "Negative samples per positive edge sample (default: ${DEFAULT-VALUE}).")
    int negativeSampleRate = PrepareSettings.DEFAULTS.negativeSampleRate();

    @Option(names = "--repulsion-strength", paramLabel = "G", description = "Weight of the negative samples (default: ${DEFAULT-VALUE}).")
    double repulsionStrength = PrepareSettings.DEFAULTS.repulsionStrength();

    @Option(names = "--init", paramLabel = "METHOD", description = "How the layout starts: spectral (eigenvectors of the neighbour graph), pca (the first two principal components of the data) or random (default: ${DEFAULT-VALUE}).")
    String init = PrepareSettings.DEFAULTS.init();

    @Option(names = "--pca", paramLabel = "N", description = "Reduce the data to their first N principal components before finding neighbours. Speeds up wide dense data such as 784-pixel images or embeddings of hundreds of dimensions (e.g. --pca 50); leave it off for data of a few dozen columns or fewer (default: off).")
    int pca = PrepareSettings.DEFAULTS.pca();

    @Option(names = "--metric", paramLabel = "NAME", completionCandidates = MetricNames.class, description = "Distance the nearest neighbours are found by: ${COMPLETION-CANDIDATES}; cosine suits text and image embeddings. The layout itself is always Euclidean (default: ${DEFAULT-VALUE}).")
    String metric = PrepareSettings.DEFAULTS.metric();

    static final class MetricNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PrepareSettings.metrics().iterator();
        }
    }

    @Option(names = "--stretch", description = "Normalise x and y separately to [0,1] (the original's look) instead of keeping the aspect ratio.")
    boolean stretch = PrepareSettings.DEFAULTS.stretch();

    PrepareSettings settings(Compute compute) {
        return new PrepareSettings(source.input, source.dataset, label, limit, sample, cacheDir, mirrors, epochs,
                neighbors, minDist, spread, learningRate, negativeSampleRate, repulsionStrength, init, pca, stretch,
                compute, metric, new ReadOptions(labels, array, features, useRep));
    }
}
