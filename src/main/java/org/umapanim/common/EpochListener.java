package org.umapanim.common;

/**
 * The one callback through which a layout history flows: a reducer hands it the layout at
 * epoch 0 (the initial layout) and after every optimisation epoch; the epochs writer is one, and
 * the epochs reader hands a stored history to one. A second reducer (t-SNE, say) reports its
 * iterations through the same type, so nothing downstream knows which reducer ran.
 */
@FunctionalInterface
public interface EpochListener {
    /**
     * @param epoch 0 … last epoch, in order
     * @param xy    the layout, {@code x = xy[2*i]}, {@code y = xy[2*i+1]} for point i; valid only
     *              during this call (the producer may reuse it): a listener that keeps it copies
     */
    void onEpoch(int epoch, float[] xy);
}
