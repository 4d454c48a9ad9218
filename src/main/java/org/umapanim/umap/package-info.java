/**
 * UMAP to two dimensions after umap-learn 0.5 (docs/design.md §3), pure maths: on the neighbours
 * {@code knn} finds (or the caller hands in), the fuzzy graph, spectral initialisation (ARPACK's
 * Lanczos called directly through arpack-ng's bindings, {@code SymmetricEigen})
 * and the SGD, which reports the layout at epoch 0 and after every epoch to a
 * {@code common.EpochListener}. {@link org.umapanim.umap.Umap} is the engine,
 * {@link org.umapanim.umap.UmapParams} its knobs and their defaults.
 *
 * <p>Imports: {@code common} and {@code knn}. It knows nothing of files, pictures or the command line.
 */
package org.umapanim.umap;
