package org.umapanim.umap;

import org.umapanim.common.SettingProblem;
import org.umapanim.knn.Metric;

/**
 * The knobs of a UMAP run, named as in umap-learn; {@link #DEFAULTS} is the one definition of
 * their defaults. The constructor rejects values UMAP cannot work with.
 *
 * @param nNeighbors         size of the local neighbourhood, counting the point itself (umap-learn's n_neighbors)
 * @param minDist            how tightly points may pack in the layout
 * @param spread             scale of the embedded points; {@code minDist} must not exceed it
 * @param nEpochs            SGD epochs (the listener sees epochs 0 … nEpochs)
 * @param learningRate       initial SGD step, decayed linearly to 0
 * @param repulsionStrength  weight of negative samples (umap-learn's gamma)
 * @param negativeSampleRate negative samples per positive sample
 * @param init               how the layout starts
 * @param pca                reduce the data to this many principal components before the kNN (uwot's
 *                           {@code pca}); 0 for none
 * @param seed               seeds every random choice; the same seed gives the same layout on any number of threads
 * @param threads            worker threads for every stage
 * @param metric             the distance the neighbours are found by (the layout is always Euclidean)
 */
public record UmapParams(int nNeighbors, double minDist, double spread, int nEpochs, double learningRate,
                         double repulsionStrength, int negativeSampleRate, InitMethod init, int pca, long seed,
                         int threads, Metric metric) {

    public UmapParams {
        java.util.Objects.requireNonNull(metric, "metric");
        if (nNeighbors < 2) {
            throw new SettingProblem("n_neighbors", "must be at least 2, got " + nNeighbors);
        }
        if (!(spread > 0) || Double.isInfinite(spread)) {
            throw new SettingProblem("spread", "must be a positive number, got " + spread);
        }
        if (!(minDist >= 0)) {
            throw new SettingProblem("min_dist", "must be 0 or more, got " + minDist);
        }
        if (minDist > spread) {
            throw new SettingProblem("min_dist", "(" + minDist + ") must not exceed spread (" + spread + ")");
        }
        if (nEpochs < 1) {
            throw new SettingProblem("n_epochs", "must be at least 1, got " + nEpochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new SettingProblem("learning_rate", "must be a positive number, got " + learningRate);
        }
        if (!(repulsionStrength >= 0) || Double.isInfinite(repulsionStrength)) {
            throw new SettingProblem("repulsion_strength", "must be 0 or more, got " + repulsionStrength);
        }
        if (negativeSampleRate < 0) {
            throw new SettingProblem("negative_sample_rate", "must be 0 or more, got " + negativeSampleRate);
        }
        java.util.Objects.requireNonNull(init, "init");
        if (pca < 0) {
            throw new SettingProblem("pca", "must be 0 (none) or a number of components, got " + pca);
        }
        if (threads < 1) {
            throw new SettingProblem("threads", "must be at least 1, got " + threads);
        }
    }

    /** umap-learn's defaults, except 200 epochs at every size; no PCA; seed 42; all cores. */
    public static final UmapParams DEFAULTS = new UmapParams(15, 0.1, 1.0, 200, 1.0, 1.0, 5, InitMethod.SPECTRAL, 0,
            42L, Runtime.getRuntime().availableProcessors(), Metric.EUCLIDEAN);
}
