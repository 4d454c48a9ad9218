package org.umapanim.knn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A fixed set of worker threads for data-parallel loops. Work is cut into blocks whose
 * boundaries do not depend on the thread count, so per-block results are reproducible.
 */
public final class Workers implements AutoCloseable {

    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** The body of a block that works in {@code scratch}, its thread's own. */
    @FunctionalInterface
    public interface ScratchBody<S> {
        void run(S scratch, int from, int to);
    }

    @FunctionalInterface
    public interface ThreadBody {
        void run(int thread);
    }

    private final int threads;
    private final ExecutorService pool;

    public Workers(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "umap-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code body} over [0, n) in blocks of {@code blockSize}, handed out to threads as they free up. */
    public void forBlocks(int n, int blockSize, RangeBody body) {
        forBlocks(n, blockSize, () -> null, (none, from, to) -> body.run(from, to));
    }

    /**
     * As {@link #forBlocks(int, int, RangeBody)}, each thread working in scratch space of its own,
     * made by {@code scratch} before its first block and dropped after its last: for blocks whose
     * arrays are too big to allocate again for each.
     */
    public <S> void forBlocks(int n, int blockSize, Supplier<S> scratch, ScratchBody<S> body) {
        int blocks = (n + blockSize - 1) / blockSize;
        AtomicInteger next = new AtomicInteger();
        onEachThread(t -> {
            S own = null;
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                if (own == null) {
                    own = scratch.get();
                }
                body.run(own, b * blockSize, Math.min(n, (b + 1) * blockSize));
            }
        });
    }

    /** Runs {@code body(t)} once for each thread t and waits for all of them. */
    public void onEachThread(ThreadBody body) {
        if (pool == null) {
            body.run(0);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> body.run(thread)));
        }
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
