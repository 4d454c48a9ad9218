package org.umapanim.pipeline;

import java.util.Map;
import org.umapanim.common.SettingProblem;
import org.umapanim.knn.Metric;
import org.umapanim.reduce.Reducer;
import org.umapanim.store.EpochsSchema;
import org.umapanim.tsne.TsneInit;
import org.umapanim.tsne.TsneParams;
import org.umapanim.tsne.TsneReducer;

/**
 * t-SNE's settings as {@code prepare} takes them, named as its options are; {@link TsneParams}
 * holds their defaults (openTSNE's) and checks them.
 *
 * @param learningRate the step's scale, {@link #AUTO_LEARNING_RATE} for N / exaggeration in each phase
 * @param init         how the layout starts: pca or random
 * @param pca          reduce the data to this many principal components before the kNN; 0 for none
 * @param metric       the kNN distance by its umap-learn name, as for UMAP
 */
public record TsneSettings(double perplexity, int iterations, double earlyExaggeration, int earlyExaggerationIterations,
                           double exaggeration, double learningRate, String init, int pca, String metric)
        implements ReducerSettings {

    /** {@link TsneReducer#NAME}, as a constant a {@code switch} can name. */
    public static final String NAME = TsneReducer.NAME;

    /** The learning rate that means N / exaggeration. */
    public static final double AUTO_LEARNING_RATE = 0;

    private static final TsneParams TSNE = TsneParams.DEFAULTS;

    /** openTSNE's parameters. */
    public static final TsneSettings DEFAULTS = new TsneSettings(TSNE.perplexity(), TSNE.iterations(),
            TSNE.earlyExaggeration(), TSNE.earlyExaggerationIterations(), TSNE.exaggeration(), TSNE.learningRate(),
            TSNE.init().toString(), TSNE.pca(), TSNE.metric().cliName());

    /** The record's name of each knob {@link TsneParams} checks under its openTSNE name. */
    private static final Map<String, String> SETTING_OF = Map.of("early_exaggeration", "earlyExaggeration",
            "early_exaggeration_iterations", "earlyExaggerationIterations", "learning_rate", "learningRate");

    /** Checks every value here, before any work: a {@link SettingProblem} names the first that cannot work. */
    public TsneSettings {
        EpochsSchema.checkSteps("iterations", iterations);
        params(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, exaggeration, learningRate, init,
                pca, metric, Compute.DEFAULT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reducer reducer(Compute compute) {
        return new TsneReducer(params(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations,
                exaggeration, learningRate, init, pca, metric, compute));
    }

    /** Static: the compact constructor checks the values before they are the record's. */
    private static TsneParams params(double perplexity, int iterations, double earlyExaggeration,
                                     int earlyExaggerationIterations, double exaggeration, double learningRate,
                                     String init, int pca, String metric, Compute compute) {
        TsneInit start;
        Metric distance;
        try {
            start = TsneInit.named(init);
        } catch (IllegalArgumentException e) {
            throw new SettingProblem("init", "must be pca or random for t-SNE, got '" + init + "'");
        }
        try {
            distance = Metric.byName(metric);
        } catch (IllegalArgumentException e) {
            throw new SettingProblem("metric", "must be one of " + Metric.names() + ", got '" + metric + "'");
        }
        try {
            return new TsneParams(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, exaggeration,
                    learningRate, start, pca, distance, compute.seed(), compute.threads());
        } catch (SettingProblem p) {
            throw p.renamed(SETTING_OF.getOrDefault(p.setting(), p.setting()));
        }
    }
}
