package org.umapanim.tsne;

/**
 * Receives KL(P‖Q) of each layout, as the optimiser computes it alongside the gradient: the loss
 * of layout t comes just before the layout itself reaches the optimiser's {@code EpochListener}.
 */
@FunctionalInterface
public interface LossListener {
    /**
     * @param iteration the layout's number: 0 for the start, k after k iterations (the same
     *                  numbers the layouts' {@code EpochListener} sees)
     * @param kl        KL(P‖Q) of that layout, corrected for exaggeration as openTSNE reports it
     */
    void onLoss(int iteration, double kl);
}
