/**
 * UMAP to two dimensions after umap-learn 0.5 (docs/design.md §3), pure maths: k nearest
 * neighbours ({@link org.umapanim.umap.NearestNeighbors} chooses exact or RP trees + NN-descent,
 * or the caller hands them in), the fuzzy graph, spectral initialisation (ARPACK through Smile)
 * and the SGD, which reports the layout at epoch 0 and after every epoch to a
 * {@code common.EpochListener}. {@link org.umapanim.umap.Umap} is the entry point,
 * {@link org.umapanim.umap.UmapParams} its knobs and their defaults.
 *
 * <p>Imports: {@code common} only. It knows nothing of files, pictures or the command line.
 */
package org.umapanim.umap;
