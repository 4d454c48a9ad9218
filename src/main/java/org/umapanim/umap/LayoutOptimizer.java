package org.umapanim.umap;

import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;

/**
 * umap-learn's optimize_layout_euclidean for a 2-D layout: each edge is sampled every
 * max(w)/w epochs, pulls its two ends together and pushes its head away from
 * negative_sample_rate random points per sample, gradients clipped to ±4, learning rate
 * decaying linearly. The schedule is kept in doubles exactly as umap-learn keeps it. As in
 * umap-learn, an edge is first due at epoch index max(w)/w ≥ 1, so the first epoch (index 0)
 * samples nothing: the listener's epoch 1 equals epoch 0.
 *
 * <p>Deterministic mode runs the edges in order on one thread. Parallel mode runs blocks of
 * edges on all threads at once, writing to the shared layout without locks (Hogwild, as
 * umap-learn does without a seed): races make it non-reproducible but it converges as well.
 */
final class LayoutOptimizer {
    private static final float CLIP = 4f;
    private static final int PARALLEL_BLOCK = 8192;

    private final float[] layout;
    private final int vertices;
    private final int[] head;
    private final int[] tail;
    private final double[] epochsPerSample;
    private final double[] epochsPerNegativeSample;
    private final double[] nextSample;
    private final double[] nextNegativeSample;
    private final GradientTable gradients;

    LayoutOptimizer(float[] layout, FuzzyGraph g, double a, double b, UmapParams p) {
        this.layout = layout;
        this.vertices = g.n;
        int edges = g.edges();
        this.head = new int[edges];
        this.tail = new int[edges];
        this.epochsPerSample = new double[edges];
        this.epochsPerNegativeSample = new double[edges];
        this.nextSample = new double[edges];
        this.nextNegativeSample = new double[edges];
        double maxW = g.maxWeight();
        int nEpochs = p.nEpochs();
        for (int i = 0, e = 0; i < g.n; i++) {
            for (int k = g.rowStart[i]; k < g.rowStart[i + 1]; k++, e++) {
                head[e] = i;
                tail[e] = g.columns[k];
                // make_epochs_per_sample: n_epochs / (n_epochs · w / max w)
                double samples = nEpochs * ((double) g.weights[k] / maxW);
                double eps = samples > 0 ? nEpochs / samples : -1;
                epochsPerSample[e] = eps;
                nextSample[e] = eps;
                double epn = p.negativeSampleRate() > 0 ? eps / p.negativeSampleRate() : Double.POSITIVE_INFINITY;
                epochsPerNegativeSample[e] = epn;
                nextNegativeSample[e] = epn;
            }
        }
        this.gradients = new GradientTable(a, b, p.repulsionStrength());
    }

    /** Runs every epoch, reporting the layout after each to the listener. */
    void run(UmapParams p, Workers workers, EpochListener listener, Progress.Task task) {
        int nEpochs = p.nEpochs();
        double alpha = p.learningRate();
        Rng rng = Rng.of(p.seed(), 3);
        int edges = head.length;
        for (int n = 0; n < nEpochs; n++) {
            float stepSize = (float) alpha;
            if (p.parallelSgd() && workers.threads() > 1) {
                int epoch = n;
                int blocks = (edges + PARALLEL_BLOCK - 1) / PARALLEL_BLOCK;
                workers.forBlocks(edges, PARALLEL_BLOCK, (from, to) ->
                        epoch(epoch, stepSize, from, to, Rng.of(p.seed(), 4 + (long) epoch * blocks + from / PARALLEL_BLOCK)));
            } else {
                epoch(n, stepSize, 0, edges, rng);
            }
            alpha = p.learningRate() * (1.0 - (double) n / nEpochs);
            listener.onEpoch(n + 1, layout);
            task.step();
        }
    }

    private void epoch(int n, float alpha, int from, int to, Rng rng) {
        final float[] y = layout;
        final GradientTable g = gradients;
        for (int e = from; e < to; e++) {
            if (nextSample[e] > n) {
                continue;
            }
            int j = head[e];
            int k = tail[e];
            float xj = y[2 * j];
            float yj = y[2 * j + 1];
            float dx = xj - y[2 * k];
            float dy = yj - y[2 * k + 1];
            float d2 = dx * dx + dy * dy;
            float coeff = d2 > 0f ? g.attraction(d2) : 0f;
            float gx = clip(coeff * dx) * alpha;
            float gy = clip(coeff * dy) * alpha;
            xj += gx;
            yj += gy;
            y[2 * k] -= gx;
            y[2 * k + 1] -= gy;
            nextSample[e] += epochsPerSample[e];

            double epn = epochsPerNegativeSample[e];
            int negatives = (int) ((n - nextNegativeSample[e]) / epn);
            for (int s = 0; s < negatives; s++) {
                int o = rng.nextInt(vertices);
                if (o == j) {
                    continue;
                }
                float ndx = xj - y[2 * o];
                float ndy = yj - y[2 * o + 1];
                float nd2 = ndx * ndx + ndy * ndy;
                if (nd2 > 0f) {
                    float c = g.repulsion(nd2);
                    xj += clip(c * ndx) * alpha;
                    yj += clip(c * ndy) * alpha;
                }
            }
            nextNegativeSample[e] += negatives * epn;
            y[2 * j] = xj;
            y[2 * j + 1] = yj;
        }
    }

    private static float clip(float v) {
        return v > CLIP ? CLIP : (v < -CLIP ? -CLIP : v);
    }
}
