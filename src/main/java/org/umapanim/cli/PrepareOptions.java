package org.umapanim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.umapanim.pipeline.Compute;
import org.umapanim.pipeline.InputSelection;
import org.umapanim.pipeline.PrepareSettings;
import org.umapanim.pipeline.ReducerSettings;
import org.umapanim.pipeline.Reducers;
import org.umapanim.pipeline.TsneSettings;
import org.umapanim.pipeline.UmapSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What to embed and how: the input data set, the reducer and its own options, the layout's normalisation. */
@HelpSection(HelpSection.Part.LAYOUT)
final class PrepareOptions {
    private static final InputSelection INPUT = InputSelection.DEFAULTS;

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
    String label = INPUT.label();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--labels", paramLabel = "FILE", description = "Labels of a .npy/.npz input, one per row: a .npy of integers, text or booleans, or a text/CSV file of one column (default: none).")
    Path labels = INPUT.reading().labels();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--array", paramLabel = "NAME", description = "Which array of an .npz input holds the vectors (default: the first).")
    String array = INPUT.reading().array();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--features", paramLabel = "COLUMN", description = "Which list column of a Parquet/CSV input holds the vectors (default: the only list column, else one column per feature).")
    String features = INPUT.reading().features();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--use-rep", paramLabel = "KEY", description = "Which matrix of an .h5ad input to embed: an obsm key (X_pca), X, or layers/NAME (default: scanpy's rule: obsm/X_pca, else X if it has at most 50 columns, else the first 50 principal components of X).")
    String useRep = INPUT.reading().useRep();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--limit", paramLabel = "N", description = "Keep only the first N rows; the bundled data are shuffled, so these are a fair sample (default: all rows).")
    int limit = INPUT.limit();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--sample", paramLabel = "N", description = "Keep a random sample of N rows, drawn with --seed (default: no sampling).")
    int sample = INPUT.sample();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where --dataset keeps its downloads (default: $UMAP_ANIM_CACHE, else ~/.cache/umap-anim).")
    Path cacheDir = INPUT.cacheDir();

    @HelpSection(HelpSection.Part.INPUT)
    @Option(names = "--mirror", paramLabel = "URL", description = "A folder URL serving the data set's files, tried before the built-in mirrors; repeatable (default: only the built-in mirrors).")
    List<String> mirrors = new ArrayList<>(INPUT.mirrors());

    @Option(names = "--stretch", description = "Normalise x and y separately to [0,1] (the original's look) instead of keeping the aspect ratio.")
    boolean stretch = PrepareSettings.DEFAULTS.stretch();

    @Option(names = "--reducer", paramLabel = "NAME", completionCandidates = ReducerNames.class, description = "How the layout is found: ${COMPLETION-CANDIDATES}; each has its own options below (default: ${DEFAULT-VALUE}).")
    String reducer = PrepareSettings.DEFAULTS.reducer().name();

    static final class ReducerNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Reducers.NAMES.iterator();
        }
    }

    @Mixin ReducerOptions shared;

    @Mixin UmapOptions umap;

    @Mixin TsneOptions tsne;

    PrepareSettings settings(Compute compute) {
        InputSelection input = new InputSelection(source.input, source.dataset, label, limit, sample, cacheDir, mirrors,
                InputSelection.reading(labels, array, features, useRep));
        ReducerSettings reducerSettings = switch (Reducers.known(reducer)) {
            case UmapSettings.NAME -> umap.settings(shared);
            case TsneSettings.NAME -> tsne.settings(shared);
            default -> throw new IllegalStateException("no options for the reducer " + reducer);
        };
        return new PrepareSettings(input, reducerSettings, stretch, compute);
    }
}
