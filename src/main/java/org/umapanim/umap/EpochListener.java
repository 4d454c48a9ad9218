package org.umapanim.umap;

/**
 * Receives the layout at epoch 0 (the initial layout, before any SGD) and after every SGD
 * epoch 1 … n_epochs. The engine keeps no history: a listener that wants one copies.
 */
@FunctionalInterface
public interface EpochListener {
    /**
     * @param epoch  0 … n_epochs
     * @param layout the live layout, {@code x = layout[2*i]}, {@code y = layout[2*i+1]} for row i;
     *               valid only during this call
     */
    void onEpoch(int epoch, float[] layout);
}
