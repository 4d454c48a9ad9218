package org.umapanim.knn;

/**
 * The k nearest neighbours of every row, the row itself first (umap-learn's convention: k
 * counts the point). Row i's neighbours are {@code indices[i*k … i*k+k-1]}, nearest first,
 * with Euclidean distances in {@code distances} at the same positions.
 */
public record KnnGraph(int n, int k, int[] indices, float[] distances) {

    public KnnGraph {
        if (indices.length != (long) n * k || distances.length != (long) n * k) {
            throw new IllegalArgumentException("kNN arrays must hold n*k = " + (long) n * k + " entries");
        }
    }

    public int index(int row, int j) {
        return indices[row * k + j];
    }

    public float distance(int row, int j) {
        return distances[row * k + j];
    }
}
