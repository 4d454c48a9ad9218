package org.umapanim.umap;

import org.umapanim.common.Progress;

/**
 * Brute-force kNN as a blocked matrix product: |x|² + |y|² − 2 x·y over tiles, with the inner
 * loop an axpy over a transposed copy so the JIT vectorises it, and zero entries of x skipped
 * (MNIST is 80 % zeros). The k candidates per row are then re-measured directly, so the
 * distances carry no cancellation error.
 */
final class ExactKnn {
    private static final int ROW_BLOCK = 64;
    private static final int COL_BLOCK = 512;

    private ExactKnn() {}

    static KnnGraph search(float[] x, int n, int d, int k, Workers workers, Progress.Task task) {
        int others = k - 1;
        float[] norms = new float[n];
        float[] xt = new float[n * d];
        workers.forBlocks(n, 1024, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    float v = x[i * d + c];
                    s += v * v;
                    xt[c * n + i] = v;
                }
                norms[i] = (float) s;
            }
        });
        NeighborHeaps heaps = new NeighborHeaps(n, others);
        workers.forBlocks(n, ROW_BLOCK, (r0, r1) -> {
            int rows = r1 - r0;
            float[] acc = new float[ROW_BLOCK * COL_BLOCK];
            for (int c0 = 0; c0 < n; c0 += COL_BLOCK) {
                int cols = Math.min(COL_BLOCK, n - c0);
                java.util.Arrays.fill(acc, 0f);
                for (int c = 0; c < d; c++) {
                    int seg = c * n + c0;
                    for (int r = 0; r < rows; r++) {
                        float v = x[(r0 + r) * d + c];
                        if (v != 0f) {
                            int a = r * COL_BLOCK;
                            for (int j = 0; j < cols; j++) {
                                acc[a + j] += v * xt[seg + j];
                            }
                        }
                    }
                }
                for (int r = 0; r < rows; r++) {
                    int i = r0 + r;
                    float ni = norms[i];
                    int a = r * COL_BLOCK;
                    for (int j = 0; j < cols; j++) {
                        int col = c0 + j;
                        float dist = Math.max(0f, ni + norms[col] - 2f * acc[a + j]);
                        if (dist < heaps.worst(i) && col != i) {
                            heaps.pushUnchecked(i, dist, col, false);
                        }
                    }
                }
            }
            for (int i = r0; i < r1; i++) {
                int base = i * others;
                for (int j = 0; j < others; j++) {
                    heaps.distances[base + j] = Distance.squared(x, i, heaps.indices[base + j], d);
                }
            }
            task.step(rows);
        });
        return heaps.toGraph(null);
    }
}
