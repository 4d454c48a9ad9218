package org.umapanim.knn;

/**
 * The candidates of one NN-descent iteration: for every row, up to {@code max} "new" and "old"
 * rows drawn from its neighbours and reverse neighbours (rows that have it as a neighbour),
 * new ones being those not yet joined. When a row has more than {@code max}, the ones kept are
 * those of smallest priority, a hash of the pair and the iteration, so the sample depends only
 * on the seed. The sampled new neighbours are marked old in the heaps, as pynndescent does.
 *
 * <p>Built without locks and in the same order on any number of threads: every thread scans all
 * heap entries and files each under the rows it owns (row mod threads), first counting, then
 * filling; each row then sorts its own entries by priority and drops duplicates (a pair that
 * are each other's neighbours is filed twice, with one priority, as the hash is symmetric).
 */
final class Candidates {
    final int max;
    final int[] newRows;
    final int[] newCount;
    final int[] oldRows;
    final int[] oldCount;

    private final int n;
    private int[] filed = new int[0];     // index, then heap slot of a forward entry or −1
    private int[] filedPriority = new int[0];
    private final int[] start;

    Candidates(int n, int max) {
        this.n = n;
        this.max = max;
        this.newRows = new int[n * max];
        this.newCount = new int[n];
        this.oldRows = new int[n * max];
        this.oldCount = new int[n];
        this.start = new int[n + 1];
    }

    /**
     * Samples this iteration's candidates from the heaps and marks the sampled new neighbours old.
     * Rows marked {@code skip} (whose neighbours are settled, and whose neighbours are all skipped
     * rows too) get none.
     */
    void sample(NeighborHeaps heaps, boolean[] skip, long iterationSeed, Workers workers) {
        int m = heaps.size;
        int threads = workers.threads();
        int[] count = new int[n];
        workers.onEachThread(t -> {
            for (int i = 0; i < n; i++) {
                if (skip[i]) {
                    continue;
                }
                boolean ownI = i % threads == t;
                for (int j = 0; j < m; j++) {
                    int idx = heaps.indices[i * m + j];
                    if (idx < 0) {
                        continue;
                    }
                    if (ownI) {
                        count[i]++;
                    }
                    if (idx % threads == t) {
                        count[idx]++;
                    }
                }
            }
        });
        start[0] = 0;
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int total = start[n];
        if (filed.length < 2 * total) {
            filed = new int[2 * total];
            filedPriority = new int[total];
        }
        int[] at = count; // reused as each row's fill position
        System.arraycopy(start, 0, at, 0, n);
        workers.onEachThread(t -> {
            for (int i = 0; i < n; i++) {
                if (skip[i]) {
                    continue;
                }
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
                    // new entries sort before old ones: the flag is the priority's top bit
                    int priority = priority(i, idx, iterationSeed) | (heaps.isNew[e] ? 0 : 1 << 30);
                    if (ownI) {
                        file(at[i]++, idx, e, priority);
                    }
                    if (ownIdx) {
                        file(at[idx]++, i, -1, priority);
                    }
                }
            }
        });
        workers.forBlocks(n, 512, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                select(heaps, i);
            }
        });
    }

    private void file(int at, int index, int slot, int priority) {
        filed[2 * at] = index;
        filed[2 * at + 1] = slot;
        filedPriority[at] = priority;
    }

    /** A hash of the unordered pair and the iteration, 30 bits. */
    private static int priority(int a, int b, long iterationSeed) {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        return (int) (Rng.mix(iterationSeed ^ (lo << 32 | hi)) >>> 34);
    }

    /** Sorts row i's filed entries by (flag, priority, index), drops repeats, keeps the first max of each kind. */
    private void select(NeighborHeaps heaps, int i) {
        int from = start[i];
        int to = start[i + 1];
        for (int a = from + 1; a < to; a++) {
            int pr = filedPriority[a];
            int idx = filed[2 * a];
            int slot = filed[2 * a + 1];
            int b = a - 1;
            while (b >= from && (filedPriority[b] > pr || (filedPriority[b] == pr && filed[2 * b] > idx))) {
                filedPriority[b + 1] = filedPriority[b];
                filed[2 * b + 2] = filed[2 * b];
                filed[2 * b + 3] = filed[2 * b + 1];
                b--;
            }
            filedPriority[b + 1] = pr;
            filed[2 * b + 2] = idx;
            filed[2 * b + 3] = slot;
        }
        int nNew = 0;
        int nOld = 0;
        int base = i * max;
        boolean sampled = false;
        for (int a = from; a < to; a++) {
            int idx = filed[2 * a];
            // a repeat has the same index and priority, so the same flag
            boolean repeat = a > from && filed[2 * a - 2] == idx && filedPriority[a - 1] == filedPriority[a];
            if (filedPriority[a] < 1 << 30) {
                if (!repeat) {
                    sampled = nNew < max;
                    if (sampled) {
                        newRows[base + nNew++] = idx;
                    }
                }
                int slot = filed[2 * a + 1];
                if (slot >= 0 && sampled) {
                    heaps.isNew[slot] = false; // a forward neighbour that has now been joined
                }
            } else if (!repeat && nOld < max) {
                oldRows[base + nOld++] = idx;
            }
        }
        newCount[i] = nNew;
        oldCount[i] = nOld;
    }
}
