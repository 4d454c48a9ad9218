/**
 * Nearest neighbours and the machinery every reducer shares, pure maths: the k nearest neighbours
 * of every row ({@link org.umapanim.knn.NearestNeighbors} chooses an exact search or RP trees +
 * NN-descent after pynndescent, by the metrics of {@link org.umapanim.knn.Metric}) as a
 * {@link org.umapanim.knn.KnnGraph}, their recall on a sample ({@link org.umapanim.knn.SampledRecall}),
 * and what a reducer needs around them: the worker threads with fixed blocks
 * ({@link org.umapanim.knn.Workers}), seeded streams of random numbers ({@link org.umapanim.knn.Rng}),
 * principal components ({@link org.umapanim.knn.PrincipalComponents}), the input brought to a
 * moderate magnitude ({@link org.umapanim.knn.Magnitude}), connected components of a graph
 * ({@link org.umapanim.knn.Components}) and OpenBLAS on one thread ({@link org.umapanim.knn.Blas}).
 * UMAP's neighbourhood graph and a t-SNE's perplexity-calibrated one are both built on it.
 *
 * <p>Imports: {@code common} only. It knows nothing of files, pictures or the command line.
 */
package org.umapanim.knn;
