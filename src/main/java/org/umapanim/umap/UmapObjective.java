package org.umapanim.umap;

/**
 * UMAP's objective, handed out once the graph is built (see {@link Umap#withObjectiveListener}):
 * the fuzzy cross-entropy between the pruned fuzzy graph and the layout's memberships
 * v = 1/(1 + a·d^(2b)), summed over all pairs of points (design §10), which the SGD descends by
 * sampling edges and, for the repulsion, random points.
 *
 * <p>The graph is symmetric, in CSR form with both directions of every edge: the neighbours of
 * point i are {@code columns[rowStart[i] … rowStart[i+1])}, ascending, with weights
 * {@code weights[…]} in (0, 1]. The arrays are copies: changing them does not touch the run.
 *
 * @param n        points
 * @param rowStart n + 1 offsets into {@code columns} and {@code weights}
 * @param a        the curve's a (≈ 1.577 for min_dist 0.1, spread 1)
 * @param b        the curve's b (≈ 0.895)
 */
public record UmapObjective(int n, int[] rowStart, int[] columns, float[] weights, double a, double b) {

    static UmapObjective of(FuzzyGraph graph, double a, double b) {
        return new UmapObjective(graph.n, graph.rowStart.clone(), graph.columns.clone(), graph.weights.clone(), a, b);
    }

    /** Edges counted once per pair of points. */
    public long edges() {
        return rowStart[n] / 2;
    }
}
