package org.umapanim.tsne;

/**
 * t-SNE's repulsive forces and their normalisation for a 2-D layout, with K_ij = 1/(1 + d_ij²).
 * Implementations must give the same result on any number of threads.
 */
interface Repulsion {

    /**
     * Writes {@code force[2i], force[2i+1]} = Σ_{j≠i} K_ij² (y_i − y_j) and returns
     * Z = Σ_{i≠j} K_ij.
     *
     * @param y the layout, {@code x = y[2i]}, {@code y = y[2i+1]}, centred near the origin
     */
    double forces(double[] y, double[] force);
}
