/**
 * t-SNE to two dimensions after openTSNE ≥ 0.7 (docs/design.md §12), pure maths:
 * {@link org.umapanim.tsne.Affinities} from the k = 3·perplexity nearest neighbours,
 * {@link org.umapanim.tsne.TsneStart} (PCA or random at standard deviation 1e-4),
 * {@link org.umapanim.tsne.TsneOptimizer}, the gradient descent with exaggeration, whose
 * repulsion is exact for small n and FFT-accelerated interpolation otherwise, reporting every
 * iteration's layout to a {@code common.EpochListener} and its KL divergence to a
 * {@link org.umapanim.tsne.LossListener}. {@link org.umapanim.tsne.TsneReducer} puts it on the
 * reducer seam, {@link org.umapanim.tsne.TsneParams} holds its knobs and their defaults.
 *
 * <p>Imports: {@code common}, {@code knn} and {@code reduce}. It knows nothing of files, pictures
 * or the command line.
 */
package org.umapanim.tsne;
