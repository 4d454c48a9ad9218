package org.umapanim.umap;

import java.util.concurrent.atomic.AtomicLong;
import org.umapanim.common.Progress;

/**
 * Approximate kNN as pynndescent does it for umap-learn: a forest of random-projection trees
 * gives every row a first set of neighbours (all pairs within each leaf), then NN-descent
 * refines them — neighbours of neighbours are likely neighbours — comparing, for every row,
 * its sampled new candidates with each other and with its old ones, until fewer than
 * delta·k·n heap entries change. Same settings as umap-learn: n_trees = min(64, 5 +
 * round(√n / 20)), n_iters = max(5, round(log2 n)), max_candidates = 60, delta = 0.001.
 *
 * <p>Deterministic whatever the thread count: random choices come from the seed and the row,
 * candidate updates are generated in fixed blocks, and each row's heap receives its pushes in
 * the same order on whichever thread owns it.
 */
final class NnDescent {
    private static final int MAX_CANDIDATES = 60;
    private static final double DELTA = 0.001;
    private static final int BLOCK = 4096;
    private static final int SUB_BLOCK = 64;

    private NnDescent() {}

    static KnnGraph search(float[] x, int n, int d, int k, long seed, Workers workers, Progress.Task task) {
        int m = k - 1;
        int nTrees = Math.min(64, 5 + (int) Math.round(Math.sqrt(n) / 20.0));
        int nIters = Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
        int leafSize = Math.max(10, k);
        NeighborHeaps heaps = new NeighborHeaps(n, m);
        long reported = 0;
        // The forest is built on the input rows; then the rows are renumbered in the order of the
        // first tree's leaves, so neighbours sit near each other in memory and the local joins
        // (bound by fetching rows) hit the cache far more.
        Rows input = Rows.of(x, n, d, workers);
        RpTree[] trees = new RpTree[nTrees];
        workers.forBlocks(nTrees, 1, (t, end) -> trees[t] = RpTree.build(input, leafSize, Rng.of(seed, 100 + t)));
        int[] order = trees[0].order;
        int[] newIndex = new int[n];
        for (int p = 0; p < n; p++) {
            newIndex[order[p]] = p;
        }
        Rows rows = input.reorder(order);
        for (int t = 0; t < nTrees; t++) {
            RpTree tree = trees[t].renumbered(newIndex);
            // leaves of one tree are disjoint, so they can fill their rows' heaps concurrently
            workers.forBlocks(tree.leaves(), 32, (l0, l1) -> {
                for (int l = l0; l < l1; l++) {
                    joinLeaf(rows, heaps, tree, l);
                }
            });
            trees[t] = null;
        }
        fillWithRandom(rows, heaps, seed, workers);
        long initShare = n / 5;
        task.step(initShare);
        reported += initShare;

        NeighborHeaps newCandidates = new NeighborHeaps(n, MAX_CANDIDATES);
        NeighborHeaps oldCandidates = new NeighborHeaps(n, MAX_CANDIDATES);
        Updates[] updates = new Updates[BLOCK / SUB_BLOCK];
        for (int u = 0; u < updates.length; u++) {
            updates[u] = new Updates();
        }
        for (int iter = 0; iter < nIters; iter++) {
            buildCandidates(heaps, newCandidates, oldCandidates, seed, iter, workers);
            long changes = 0;
            for (int b0 = 0; b0 < n; b0 += BLOCK) {
                int blockStart = b0;
                int blockEnd = Math.min(n, b0 + BLOCK);
                workers.forBlocks(blockEnd - blockStart, SUB_BLOCK, (r0, r1) -> {
                    Updates out = updates[r0 / SUB_BLOCK];
                    out.clear();
                    for (int i = blockStart + r0; i < blockStart + r1; i++) {
                        localJoin(rows, i, heaps, newCandidates, oldCandidates, out);
                    }
                });
                int subBlocks = (blockEnd - blockStart + SUB_BLOCK - 1) / SUB_BLOCK;
                changes += applyUpdates(heaps, updates, subBlocks, workers);
            }
            long share = (n - initShare) / nIters;
            task.step(share);
            reported += share;
            if (changes <= DELTA * k * n) {
                break;
            }
        }
        task.step(n - reported);
        return heaps.toGraph(order);
    }

    /** Every pair in leaf l becomes a neighbour candidate of both ends. */
    private static void joinLeaf(Rows rows, NeighborHeaps heaps, RpTree tree, int l) {
        for (int pa = tree.leafStart[l]; pa < tree.leafStart[l + 1]; pa++) {
            int p = tree.order[pa];
            for (int pb = pa + 1; pb < tree.leafStart[l + 1]; pb++) {
                int q = tree.order[pb];
                float dist = rows.squared(p, q);
                heaps.push(p, dist, q, true);
                heaps.push(q, dist, p, true);
            }
        }
    }

    /** Rows the forest left short of neighbours get random ones. */
    private static void fillWithRandom(Rows rows, NeighborHeaps heaps, long seed, Workers workers) {
        int n = rows.n;
        workers.forBlocks(n, 256, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                if (heaps.worst(i) != Float.POSITIVE_INFINITY) {
                    continue;
                }
                Rng rng = Rng.of(seed, 1_000_000L + i);
                for (int tries = 0; tries < 4 * heaps.size && heaps.worst(i) == Float.POSITIVE_INFINITY; tries++) {
                    int j = rng.nextInt(n);
                    if (j != i) {
                        heaps.push(i, rows.squared(i, j), j, true);
                    }
                }
                for (int j = 0; j < n && heaps.worst(i) == Float.POSITIVE_INFINITY; j++) {
                    if (j != i) {
                        heaps.push(i, rows.squared(i, j), j, true);
                    }
                }
            }
        });
    }

    /**
     * Samples up to MAX_CANDIDATES new and old candidates per row from its neighbours and reverse
     * neighbours (random priorities from a hash, so the sample depends only on the seed), then
     * marks the sampled new neighbours old.
     */
    private static void buildCandidates(NeighborHeaps heaps, NeighborHeaps newC, NeighborHeaps oldC, long seed,
                                        int iter, Workers workers) {
        int n = heaps.n;
        int m = heaps.size;
        java.util.Arrays.fill(newC.indices, -1);
        java.util.Arrays.fill(newC.distances, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(oldC.indices, -1);
        java.util.Arrays.fill(oldC.distances, Float.POSITIVE_INFINITY);
        int threads = workers.threads();
        long iterSeed = Rng.mix(seed + 0x5DEECE66DL * (iter + 1));
        workers.onEachThread(t -> {
            for (int i = 0; i < n; i++) {
                sampleRow(heaps, newC, oldC, i, t, threads, iterSeed);
            }
        });
        workers.forBlocks(n, 1024, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                for (int j = 0; j < m; j++) {
                    int e = i * m + j;
                    if (heaps.isNew[e] && newC.contains(i, heaps.indices[e])) {
                        heaps.isNew[e] = false;
                    }
                }
            }
        });
    }

    /** Offers row i's neighbours (and i to them) as candidates, for the rows thread t owns. */
    private static void sampleRow(NeighborHeaps heaps, NeighborHeaps newC, NeighborHeaps oldC, int i, int t,
                                  int threads, long iterSeed) {
        int m = heaps.size;
        boolean ownI = i % threads == t;
        for (int j = 0; j < m; j++) {
            int e = i * m + j;
            int idx = heaps.indices[e];
            if (idx < 0) {
                continue;
            }
            boolean ownIdx = idx % threads == t;
            if (!ownI && !ownIdx) {
                continue;
            }
            float priority = (Rng.mix(iterSeed ^ ((long) i << 32 | idx)) >>> 40) * 0x1.0p-24f;
            NeighborHeaps c = heaps.isNew[e] ? newC : oldC;
            if (ownI) {
                c.push(i, priority, idx, false);
            }
            if (ownIdx) {
                c.push(idx, priority, i, false);
            }
        }
    }

    /** Pairs among row i's candidates that would improve either end's heap. */
    private static void localJoin(Rows rows, int i, NeighborHeaps heaps, NeighborHeaps newC,
                                  NeighborHeaps oldC, Updates out) {
        int base = i * MAX_CANDIDATES;
        for (int a = 0; a < MAX_CANDIDATES; a++) {
            int p = newC.indices[base + a];
            if (p < 0) {
                continue;
            }
            float worstP = heaps.worst(p);
            for (int b = a + 1; b < MAX_CANDIDATES; b++) {
                int q = newC.indices[base + b];
                if (q < 0) {
                    continue;
                }
                float dist = rows.squared(p, q);
                if (dist < worstP || dist < heaps.worst(q)) {
                    out.add(p, q, dist);
                }
            }
            for (int b = 0; b < MAX_CANDIDATES; b++) {
                int q = oldC.indices[base + b];
                if (q < 0 || q == p) {
                    continue;
                }
                float dist = rows.squared(p, q);
                if (dist < worstP || dist < heaps.worst(q)) {
                    out.add(p, q, dist);
                }
            }
        }
    }

    /** Applies the sub-blocks' updates in order; each thread owns the rows ≡ t (mod threads). */
    private static long applyUpdates(NeighborHeaps heaps, Updates[] updates, int subBlocks, Workers workers) {
        int threads = workers.threads();
        AtomicLong changes = new AtomicLong();
        workers.onEachThread(t -> {
            long c = 0;
            for (int s = 0; s < subBlocks; s++) {
                Updates u = updates[s];
                for (int e = 0; e < u.size; e++) {
                    int p = u.p[e];
                    int q = u.q[e];
                    float dist = u.dist[e];
                    if (p % threads == t && heaps.push(p, dist, q, true)) {
                        c++;
                    }
                    if (q % threads == t && heaps.push(q, dist, p, true)) {
                        c++;
                    }
                }
            }
            changes.addAndGet(c);
        });
        return changes.get();
    }

    /** A growable list of (p, q, distance) heap updates. */
    private static final class Updates {
        int[] p = new int[1024];
        int[] q = new int[1024];
        float[] dist = new float[1024];
        int size;

        void clear() {
            size = 0;
        }

        void add(int a, int b, float d) {
            if (size == p.length) {
                p = java.util.Arrays.copyOf(p, size * 2);
                q = java.util.Arrays.copyOf(q, size * 2);
                dist = java.util.Arrays.copyOf(dist, size * 2);
            }
            p[size] = a;
            q[size] = b;
            dist[size] = d;
            size++;
        }
    }
}
