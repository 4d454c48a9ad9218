package org.umapanim.umap;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import org.umapanim.knn.Workers;

/**
 * A sequence of parallel loops, each finished before the next begins, run by one task per
 * worker with a barrier between the loops. The SGD runs about 30 short loops an epoch (two per
 * colour class, tens of microseconds of work each on 2 threads): handing each to the pool with
 * {@link Workers#forBlocks} cost about 35 µs a loop, and fixed blocks left one thread idle at
 * the end of each loop for up to a block's time. So the threads claim shrinking chunks (guided
 * self-scheduling: a share of what is left, at least {@code minChunk} items) and meet at a
 * {@link Phaser}, which spins briefly before it parks. Which thread runs which items, and where
 * the chunks end, depends on timing: it must not matter to the caller.
 */
final class PhasedLoops {
    /** The body of loop {@code loop} over [from, to). */
    @FunctionalInterface
    interface Body {
        void run(int loop, int from, int to);
    }

    private PhasedLoops() {}

    /** Runs loop l over [0, sizes[l]) for l = 0, 1, … in turn. */
    static void run(Workers workers, int[] sizes, int minChunk, Body body) {
        int threads = workers.threads();
        if (threads == 1) {
            for (int l = 0; l < sizes.length; l++) {
                body.run(l, 0, sizes[l]);
            }
            return;
        }
        AtomicInteger[] next = new AtomicInteger[sizes.length];
        for (int l = 0; l < sizes.length; l++) {
            next[l] = new AtomicInteger();
        }
        Phaser barrier = new Phaser(threads);
        workers.onEachThread(t -> {
            try {
                for (int l = 0; l < sizes.length; l++) {
                    int n = sizes[l];
                    AtomicInteger claimed = next[l];
                    for (int from = claimed.get(); from < n; from = claimed.get()) {
                        int to = Math.min(n, from + Math.max(minChunk, (n - from) / (2 * threads)));
                        if (claimed.compareAndSet(from, to)) {
                            body.run(l, from, to);
                        }
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
