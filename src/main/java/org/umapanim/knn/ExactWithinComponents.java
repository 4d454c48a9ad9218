package org.umapanim.knn;

import java.util.SplittableRandom;

/**
 * Exact neighbours for the rows of small, separate clusters. NN-descent finds neighbours among
 * neighbours' neighbours, which serves data of few intrinsic dimensions (images, embeddings) and
 * fails on data of many: on 200,000 points in 10 Gaussian blobs of 50 dimensions it stops at
 * recall 0.81 (pynndescent, with umap-learn's settings, at 0.83). Such blobs are components of
 * the graph it finds, though, and small enough for brute force. So every component of at most
 * {@value #MAX_WORK} multiply-adds (rows² × width) whose recall, measured on a seeded sample of
 * {@value #SAMPLE} of its rows against brute force, is below {@value #TARGET}, gets its exact
 * neighbours: distances |a|² + |b|² − 2 a·b in tiles of 8 × 16 rows, which keep the CPU's
 * multiply-add units nearly busy (1.5 ns a pair of 56-float rows on this project's machine, where
 * one pair at a time waits on loads), the best few kept and then measured directly. On the
 * 200,000 blobs that takes 0.5 s per blob on two threads and gives recall 1.0; NN-descent then
 * has nothing left to do there. The Manhattan metric has no dot-product form and is left as found.
 */
final class ExactWithinComponents {
    static final double TARGET = 0.99;
    static final int SAMPLE = 200;
    static final long MAX_WORK = 40_000_000_000L;
    /** Candidates kept beyond the k − 1 neighbours, so rounding in the dot products cannot lose one. */
    private static final int EXTRA = 4;
    private static final int ROW_BLOCK = 64; // a multiple of KernelShape.TILE_ROWS
    private static final int COLUMN_BLOCK = 1024;

    private ExactWithinComponents() {}

    /**
     * Replaces the heaps' rows of every component that qualifies by their exact neighbours and
     * marks them {@code settled}; returns how many rows it settled. Components already settled
     * are left alone.
     */
    static int refine(Rows rows, NeighborHeaps heaps, long seed, boolean[] settled, Workers workers) {
        if (rows.metric == Metric.MANHATTAN) {
            return 0;
        }
        Components comps = Components.ofNeighbours(rows.n, heaps.indices, heaps.size);
        int count = 0;
        for (int c = 0; c < comps.count(); c++) {
            int[] members = comps.members(c);
            long work = (long) members.length * members.length * rows.stride;
            if (!settled[members[0]] && members.length > heaps.size + 1 && work <= MAX_WORK
                    && sampledRecall(rows, heaps, members, seed + c, workers) < TARGET) {
                exact(rows, heaps, members, workers);
                for (int i : members) {
                    settled[i] = true;
                }
                count += members.length;
            }
        }
        return count;
    }

    /** Recall of the heaps on a seeded sample of the members, against brute force among the members. */
    private static double sampledRecall(Rows rows, NeighborHeaps heaps, int[] members, long seed, Workers workers) {
        int m = heaps.size;
        int[] sample = new SplittableRandom(seed).ints(0, members.length).distinct()
                .limit(Math.min(SAMPLE, members.length)).map(i -> members[i]).toArray();
        long[] hits = new long[sample.length];
        workers.forBlocks(sample.length, 8, (s0, s1) -> {
            NeighborHeaps truth = new NeighborHeaps(1, m);
            for (int s = s0; s < s1; s++) {
                int i = sample[s];
                java.util.Arrays.fill(truth.indices, -1);
                java.util.Arrays.fill(truth.distances, Float.POSITIVE_INFINITY);
                for (int j : members) {
                    if (j != i) {
                        truth.pushUnchecked(0, rows.distance(i, j), j, false);
                    }
                }
                for (int a = 0; a < m; a++) {
                    if (heaps.contains(i, truth.indices[a])) {
                        hits[s]++;
                    }
                }
            }
        });
        return java.util.Arrays.stream(hits).sum() / ((double) sample.length * m);
    }

    /** The members' exact neighbours among themselves, written over their heaps. */
    private static void exact(Rows rows, NeighborHeaps heaps, int[] members, Workers workers) {
        int nc = members.length;
        int len = rows.stride;
        int nRows = roundUp(nc, KernelShape.TILE_ROWS);
        int nCols = roundUp(nc, KernelShape.TILE_COLUMNS);
        float[] a = new float[nRows * len];
        float[] bt = new float[len * nCols];
        float[] na = new float[nRows];
        float[] nb = new float[nCols];
        java.util.Arrays.fill(nb, Float.POSITIVE_INFINITY);
        workers.forBlocks(nc, 256, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                rows.copyRow(members[r], a, r * len);
                float norm = 0;
                for (int c = 0; c < len; c++) {
                    norm = Math.fma(a[r * len + c], a[r * len + c], norm);
                }
                na[r] = norm;
                nb[r] = norm;
            }
        });
        for (int r = 0; r < nc; r++) {
            for (int c = 0; c < len; c++) {
                bt[c * nCols + r] = a[r * len + c];
            }
        }
        int keep = heaps.size + EXTRA;
        NeighborHeaps best = new NeighborHeaps(nc, Math.min(keep, nc - 1));
        workers.forBlocks(nRows, ROW_BLOCK, (r0, r1) -> {
            float[] limit = new float[KernelShape.TILE_ROWS];
            float[] dist = new float[KernelShape.TILE_ROWS * KernelShape.TILE_COLUMNS];
            int[] masks = new int[KernelShape.TILE_ROWS];
            float[] tileNorms = new float[KernelShape.TILE_ROWS];
            for (int c0 = 0; c0 < nCols; c0 += COLUMN_BLOCK) {
                int c1 = Math.min(nCols, c0 + COLUMN_BLOCK);
                for (int r = r0; r < r1; r += KernelShape.TILE_ROWS) {
                    for (int t = 0; t < KernelShape.TILE_ROWS; t++) {
                        tileNorms[t] = na[r + t];
                        limit[t] = r + t < nc ? best.worst(r + t) : Float.NEGATIVE_INFINITY;
                    }
                    for (int j0 = c0; j0 < c1; j0 += KernelShape.TILE_COLUMNS) {
                        if (Distance.distanceTile(a, r * len, len, bt, nCols, j0, tileNorms, nb, limit, dist, masks) == 0) {
                            continue;
                        }
                        for (int t = 0; t < KernelShape.TILE_ROWS; t++) {
                            int row = r + t;
                            for (int mask = masks[t]; mask != 0; mask &= mask - 1) {
                                int j = Integer.numberOfTrailingZeros(mask);
                                int col = j0 + j;
                                if (col != row && best.pushUnchecked(row, dist[t * KernelShape.TILE_COLUMNS + j], col, false)) {
                                    limit[t] = best.worst(row);
                                }
                            }
                        }
                    }
                }
            }
        });
        // the kept candidates measured directly, the best k − 1 written over the heaps
        int m = heaps.size;
        workers.forBlocks(nc, 256, (r0, r1) -> {
            NeighborHeaps one = new NeighborHeaps(1, m);
            for (int r = r0; r < r1; r++) {
                int i = members[r];
                java.util.Arrays.fill(one.indices, -1);
                java.util.Arrays.fill(one.distances, Float.POSITIVE_INFINITY);
                for (int e = r * best.size; e < (r + 1) * best.size; e++) {
                    int j = best.indices[e];
                    if (j >= 0) {
                        one.pushUnchecked(0, rows.distance(i, members[j]), members[j], false);
                    }
                }
                System.arraycopy(one.indices, 0, heaps.indices, i * m, m);
                System.arraycopy(one.distances, 0, heaps.distances, i * m, m);
                java.util.Arrays.fill(heaps.isNew, i * m, (i + 1) * m, false);
            }
        });
    }

    private static int roundUp(int n, int block) {
        return (n + block - 1) / block * block;
    }
}
