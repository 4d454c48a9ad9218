package org.umapanim.umap;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sequence of parallel loops, each finished before the next begins, run by one task per
 * worker with a barrier between the loops. The SGD runs about 30 short loops an epoch (two per
 * colour class); handing each to the pool with {@link Workers#forBlocks} cost about 35 µs a loop
 * on 2 threads, a seventh of the work. Each loop is cut into about eight blocks per thread (at
 * least {@code minBlock} items each), claimed as threads free up: short loops leave no thread
 * idle for long at their end. Which thread runs which block, and where the blocks end, must
 * not matter to the caller.
 */
final class PhasedLoops {
    /** The body of loop {@code loop} over [from, to). */
    @FunctionalInterface
    interface Body {
        void run(int loop, int from, int to);
    }

    private PhasedLoops() {}

    private static final int BLOCKS_PER_THREAD = 8;

    /** Runs loop l over [0, sizes[l]) for l = 0, 1, … in turn. */
    static void run(Workers workers, int[] sizes, int minBlock, Body body) {
        if (workers.threads() == 1) {
            for (int l = 0; l < sizes.length; l++) {
                body.run(l, 0, sizes[l]);
            }
            return;
        }
        AtomicInteger[] next = new AtomicInteger[sizes.length];
        for (int l = 0; l < sizes.length; l++) {
            next[l] = new AtomicInteger();
        }
        int threads = workers.threads();
        Phaser barrier = new Phaser(threads);
        workers.onEachThread(t -> {
            try {
                for (int l = 0; l < sizes.length; l++) {
                    int n = sizes[l];
                    int block = Math.max(minBlock, (n + BLOCKS_PER_THREAD * threads - 1) / (BLOCKS_PER_THREAD * threads));
                    int blocks = (n + block - 1) / block;
                    for (int b = next[l].getAndIncrement(); b < blocks; b = next[l].getAndIncrement()) {
                        body.run(l, b * block, Math.min(n, (b + 1) * block));
                    }
                    barrier.arriveAndAwaitAdvance();
                }
            } catch (RuntimeException | Error e) {
                barrier.forceTermination(); // release the others; onEachThread rethrows
                throw e;
            }
        });
    }
}
