package org.umapanim.pipeline;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.umapanim.common.SettingProblem;
import org.umapanim.knn.Metric;
import org.umapanim.reduce.Reducer;
import org.umapanim.store.EpochsSchema;
import org.umapanim.umap.InitMethod;
import org.umapanim.umap.UmapParams;
import org.umapanim.umap.UmapReducer;

/**
 * UMAP's settings as {@code prepare} takes them, named as its options are; {@link UmapParams}
 * holds their defaults and checks them.
 *
 * @param init   how the layout starts: spectral, pca or random (umap-learn's names)
 * @param pca    reduce the data to this many principal components before the kNN; 0 for none
 * @param metric the kNN distance by its umap-learn name ({@link #metrics()})
 */
public record UmapSettings(int epochs, int neighbors, double minDist, double spread, double learningRate,
                           int negativeSampleRate, double repulsionStrength, String init, int pca, String metric)
        implements ReducerSettings {

    /** {@link UmapReducer#NAME}, as a constant a {@code switch} can name. */
    public static final String NAME = UmapReducer.NAME;

    private static final UmapParams UMAP = UmapParams.DEFAULTS;

    /** umap-learn's parameters. */
    public static final UmapSettings DEFAULTS = new UmapSettings(UMAP.nEpochs(), UMAP.nNeighbors(), UMAP.minDist(),
            UMAP.spread(), UMAP.learningRate(), UMAP.negativeSampleRate(), UMAP.repulsionStrength(),
            UMAP.init().toString(), UMAP.pca(), UMAP.metric().cliName());

    /** The record's name of each of UMAP's knobs (umap-learn's names), for problems found by {@link UmapParams}. */
    private static final Map<String, String> SETTING_OF = Map.of("n_neighbors", "neighbors", "min_dist", "minDist",
            "spread", "spread", "n_epochs", "epochs", "learning_rate", "learningRate",
            "repulsion_strength", "repulsionStrength", "negative_sample_rate", "negativeSampleRate");

    /** Checks every value here, before any work: a {@link SettingProblem} names the first that cannot work. */
    public UmapSettings {
        EpochsSchema.checkSteps("epochs", epochs);
        params(epochs, neighbors, minDist, spread, learningRate, negativeSampleRate, repulsionStrength, init, pca,
                metric, Compute.DEFAULT);
    }

    /** The metrics {@code metric} accepts, by their umap-learn names. */
    public static List<String> metrics() {
        return Stream.of(Metric.values()).map(Metric::cliName).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reducer reducer(Compute compute) {
        return new UmapReducer(params(compute));
    }

    UmapParams params(Compute compute) {
        return params(epochs, neighbors, minDist, spread, learningRate, negativeSampleRate, repulsionStrength, init, pca,
                metric, compute);
    }

    /** Static: the compact constructor checks the values before they are the record's. */
    private static UmapParams params(int epochs, int neighbors, double minDist, double spread, double learningRate,
                                     int negativeSampleRate, double repulsionStrength, String init, int pca,
                                     String metric, Compute compute) {
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
