package org.umapanim.tsne;

import org.umapanim.common.SettingProblem;
import org.umapanim.knn.Metric;

/**
 * One t-SNE run's settings, openTSNE ≥ 0.7's defaults ({@link #DEFAULTS}): perplexity 30 over
 * the k = 3·perplexity nearest neighbours, 750 iterations of which the first 250 at early
 * exaggeration 12, then exaggeration 1, learning rate N / exaggeration in each phase, a PCA start
 * scaled to standard deviation 1e-4, Euclidean distances. Checked when made: a
 * {@link SettingProblem} names the first value that cannot work.
 *
 * @param learningRate {@link TsneSchedule#AUTO} (0) for N / exaggeration
 * @param pca          reduce the data to this many principal components before the kNN; 0 for none
 */
public record TsneParams(double perplexity, int iterations, double earlyExaggeration, int earlyExaggerationIterations,
                         double exaggeration, double learningRate, TsneInit init, int pca, Metric metric, long seed,
                         int threads) {

    private static final TsneSchedule OPENTSNE = TsneSchedule.DEFAULTS;

    public static final TsneParams DEFAULTS = new TsneParams(30, OPENTSNE.iterations(), OPENTSNE.earlyExaggeration(),
            OPENTSNE.earlyIterations(), OPENTSNE.exaggeration(), OPENTSNE.learningRate(), TsneInit.PCA, 0, Metric.EUCLIDEAN,
            42, Math.max(1, Runtime.getRuntime().availableProcessors()));

    public TsneParams {
        if (!(perplexity > 0) || Double.isInfinite(perplexity)) {
            throw new SettingProblem("perplexity", "must be a positive number, got " + perplexity);
        }
        if (iterations < 0) {
            throw new SettingProblem("iterations", "must be 0 or more, got " + iterations);
        }
        if (earlyExaggerationIterations < 0 || earlyExaggerationIterations > iterations) {
            throw new SettingProblem("early_exaggeration_iterations", "must be between 0 and the iterations (" + iterations
                    + "), got " + earlyExaggerationIterations);
        }
        if (!(earlyExaggeration > 0) || Double.isInfinite(earlyExaggeration)) {
            throw new SettingProblem("early_exaggeration", "must be a positive number, got " + earlyExaggeration);
        }
        if (!(exaggeration > 0) || Double.isInfinite(exaggeration)) {
            throw new SettingProblem("exaggeration", "must be a positive number, got " + exaggeration);
        }
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new SettingProblem("learning_rate", "must be a positive number, or 'auto', got " + learningRate);
        }
        if (pca < 0) {
            throw new SettingProblem("pca", "must be 0 (none) or a number of components, got " + pca);
        }
        if (threads < 1) {
            throw new SettingProblem("threads", "must be at least 1, got " + threads);
        }
        java.util.Objects.requireNonNull(init, "init");
        java.util.Objects.requireNonNull(metric, "metric");
    }

    /** Neighbours per row besides itself: openTSNE's k = 3·perplexity (rounded down). */
    public int neighbours() {
        return (int) (3 * perplexity);
    }

    /** The largest perplexity {@code n} rows allow: 3·perplexity neighbours besides each row. */
    public static int largestPerplexity(int n) {
        return Math.max(0, (n - 1) / 3);
    }

    public TsneSchedule schedule() {
        return new TsneSchedule(iterations, earlyExaggeration, earlyExaggerationIterations, exaggeration, learningRate,
                OPENTSNE.momentum(), OPENTSNE.maxStepNorm());
    }

    public TsneParams withSeedAndThreads(long newSeed, int newThreads) {
        return new TsneParams(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, exaggeration,
                learningRate, init, pca, metric, newSeed, newThreads);
    }
}
