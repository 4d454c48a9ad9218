package org.umapanim.knn;

import org.umapanim.common.Progress;

/**
 * Brute-force kNN: every row against every other with the distance kernels, in tiles of
 * {@value #ROW_BLOCK} rows × {@value #COL_BLOCK} rows so both stay in the core's cache while
 * they are compared. Each row's heap is filled by the one thread that owns its tile row, in
 * column order, so the result does not depend on the thread count.
 */
final class ExactKnn {
    private static final int ROW_BLOCK = 32;
    private static final int COL_BLOCK = 256;

    private ExactKnn() {}

    static KnnGraph search(Rows rows, int k, Workers workers, Progress.Task task) {
        int n = rows.n;
        NeighborHeaps heaps = new NeighborHeaps(n, k - 1);
        workers.forBlocks(n, ROW_BLOCK, (r0, r1) -> {
            for (int c0 = 0; c0 < n; c0 += COL_BLOCK) {
                int c1 = Math.min(n, c0 + COL_BLOCK);
                for (int i = r0; i < r1; i++) {
                    for (int j = c0; j < c1; j++) {
                        if (j != i) {
                            heaps.pushUnchecked(i, rows.distance(i, j), j, false);
                        }
                    }
                }
            }
            task.step(r1 - r0);
        });
        return heaps.toGraph(null, rows, k);
    }
}
