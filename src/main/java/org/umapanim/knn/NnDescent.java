package org.umapanim.knn;

import java.util.concurrent.atomic.AtomicLong;
import org.umapanim.common.Progress;

/**
 * Approximate kNN as pynndescent does it for umap-learn: a forest of random-projection trees
 * gives every row a first set of neighbours (all pairs within each leaf), then NN-descent
 * refines them — neighbours of neighbours are likely neighbours — comparing, for every row,
 * its sampled new candidates with each other and with its old ones, until fewer than
 * delta·k·n heap entries change (max_candidates = 60, delta = 0.001, at most
 * max(5, round(log2 n)) iterations, as umap-learn).
 *
 * <p>The forest differs from umap-learn's min(64, 5 + round(√n / 20)) trees of 15-row leaves:
 * fewer trees of {@value #LEAF_SIZE}-row leaves give NN-descent as good a start for less work.
 * Measured on Fashion-MNIST 30k (2 threads): 14 trees × 15 took 3.8 s of CPU for recall
 * 0.9960, 6 trees × 40 took 2.6 s for 0.9962; on the 10k MNIST sample 10 × 15 and 5 × 40
 * both took 0.75 s for 0.992.
 *
 * <p>Deterministic whatever the thread count: random choices come from the seed and the row,
 * candidate updates are generated in fixed blocks, and each row's heap receives its pushes in
 * the same order on whichever thread owns it.
 */
final class NnDescent {
    static final int LEAF_SIZE = 40;
    private static final int MAX_CANDIDATES = 60;
    private static final double DELTA = 0.001;
    private static final int BLOCK = 4096;
    private static final int SUB_BLOCK = 64;

    private NnDescent() {}

    /** 5 trees for 10,000 rows, one more for each doubling, at least 4 and at most 12. */
    static int trees(int n) {
        return Math.max(4, Math.min(12, (int) Math.round(Math.log(n) / Math.log(2)) - 8));
    }

    static KnnGraph search(Rows input, int k, long seed, Workers workers, Progress.Task task) {
        int n = input.n;
        int nTrees = trees(n);
        int nIters = Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
        NeighborHeaps heaps = new NeighborHeaps(n, k - 1);
        // The forest is built on the input rows; then the rows are renumbered in the order of the
        // first tree's leaves, so neighbours sit near each other in memory and the local joins
        // (bound by fetching rows) hit the cache far more.
        RpTree[] trees = new RpTree[nTrees];
        workers.forBlocks(nTrees, 1, (t, end) -> trees[t] = RpTree.build(input, LEAF_SIZE, Rng.of(seed, 100 + t)));
        int[] order = trees[0].order;
        int[] newIndex = new int[n];
        for (int p = 0; p < n; p++) {
            newIndex[order[p]] = p;
        }
        Rows rows = input.reorder(order);
        for (int t = 0; t < nTrees; t++) {
            RpTree tree = trees[t].renumbered(newIndex);
            // leaves of one tree are disjoint, so they can fill their rows' heaps concurrently
            workers.forBlocks(tree.leaves(), 8, (l0, l1) -> {
                for (int l = l0; l < l1; l++) {
                    joinLeaf(rows, heaps, tree, l);
                }
            });
            trees[t] = null;
        }
        fillWithRandom(rows, heaps, seed, workers);
        // rows of small, separate clusters the forest found may get their exact neighbours now,
        // and NN-descent leaves them alone (it never joins rows of different components)
        boolean[] settled = new boolean[n];
        int active = n - ExactWithinComponents.refine(rows, heaps, seed, settled, workers);
        long initShare = n / 5;
        task.step(initShare);

        Candidates candidates = new Candidates(n, MAX_CANDIDATES);
        Updates[] updates = new Updates[BLOCK / SUB_BLOCK];
        for (int u = 0; u < updates.length; u++) {
            updates[u] = new Updates();
        }
        long reported = initShare;
        for (int iter = 0; iter < nIters && active > 0; iter++) {
            candidates.sample(heaps, settled, Rng.mix(seed + 0x5DEECE66DL * (iter + 1)), workers);
            long changes = 0;
            for (int b0 = 0; b0 < n; b0 += BLOCK) {
                int blockStart = b0;
                int blockEnd = Math.min(n, b0 + BLOCK);
                workers.forBlocks(blockEnd - blockStart, SUB_BLOCK, (r0, r1) -> {
                    Updates out = updates[r0 / SUB_BLOCK];
                    out.clear();
                    for (int i = blockStart + r0; i < blockStart + r1; i++) {
                        if (!settled[i]) {
                            localJoin(rows, i, heaps, candidates, out);
                        }
                    }
                });
                int subBlocks = (blockEnd - blockStart + SUB_BLOCK - 1) / SUB_BLOCK;
                changes += applyUpdates(heaps, updates, subBlocks, workers);
            }
            long share = (n - initShare) / nIters;
            task.step(share);
            reported += share;
            if (changes <= DELTA * k * active) {
                break;
            }
        }
        // and clusters NN-descent has separated since
        ExactWithinComponents.refine(rows, heaps, seed + 1, settled, workers);
        task.step(n - reported);
        return heaps.toGraph(order, rows, k);
    }

    /** Every pair in leaf l becomes a neighbour candidate of both ends. */
    private static void joinLeaf(Rows rows, NeighborHeaps heaps, RpTree tree, int l) {
        for (int pa = tree.leafStart[l]; pa < tree.leafStart[l + 1]; pa++) {
            int p = tree.order[pa];
            for (int pb = pa + 1; pb < tree.leafStart[l + 1]; pb++) {
                int q = tree.order[pb];
                float dist = rows.distance(p, q);
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
                        heaps.push(i, rows.distance(i, j), j, true);
                    }
                }
                for (int j = 0; j < n && heaps.worst(i) == Float.POSITIVE_INFINITY; j++) {
                    if (j != i) {
                        heaps.push(i, rows.distance(i, j), j, true);
                    }
                }
            }
        });
    }

    /**
     * Pairs among row i's candidates (new with new, new with old) that would improve either
     * end's heap. The candidates' current worst distances are read once, not once per pair, and
     * the pairs run through one loop: one call site for the distance kernel, which the JIT
     * compiles once instead of recompiling when the old candidates first appear.
     */
    private static void localJoin(Rows rows, int i, NeighborHeaps heaps, Candidates c, Updates out) {
        int base = i * c.max;
        int nNew = c.newCount[i];
        int nAll = nNew + c.oldCount[i];
        int[] rowsOf = out.candidates;
        float[] worst = out.worst;
        System.arraycopy(c.newRows, base, rowsOf, 0, nNew);
        System.arraycopy(c.oldRows, base, rowsOf, nNew, nAll - nNew);
        for (int a = 0; a < nAll; a++) {
            worst[a] = heaps.worst(rowsOf[a]);
        }
        for (int a = 0; a < nNew; a++) {
            int p = rowsOf[a];
            float worstP = worst[a];
            for (int b = a + 1; b < nAll; b++) {
                int q = rowsOf[b];
                if (q == p) {
                    continue; // a row can be both a new and an old candidate
                }
                float dist = rows.distance(p, q);
                if (dist < worstP || dist < worst[b]) {
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

    /** A growable list of (p, q, distance) heap updates, and scratch rows for one local join. */
    private static final class Updates {
        final int[] candidates = new int[2 * MAX_CANDIDATES];
        final float[] worst = new float[2 * MAX_CANDIDATES];
        int[] p = new int[1 << 14];
        int[] q = new int[1 << 14];
        float[] dist = new float[1 << 14];
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
