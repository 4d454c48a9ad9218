package org.umapanim.tsne;

/**
 * Receives KL(P‖Q) of each layout, as the optimiser computes it alongside the gradient, in two
 * parts whose sum is the whole: attraction Σ p_ij log(p_ij (1 + d_ij²)) over the sparse P and
 * repulsion log Z. The loss of layout t comes just before the layout itself reaches the
 * optimiser's {@code EpochListener}.
 */
@FunctionalInterface
public interface LossListener {
    /**
     * @param iteration  the layout's number: 0 for the start, k after k iterations (the same
     *                   numbers the layouts' {@code EpochListener} sees)
     * @param attraction Σ p log p − Σ p log K, with P as given, not exaggerated
     * @param repulsion  log Z; the sum is KL(P‖Q), which is what openTSNE reports once it has
     *                   corrected its exaggerated P's loss (divided by ρ, less log ρ)
     */
    void onLoss(int iteration, double attraction, double repulsion);
}
