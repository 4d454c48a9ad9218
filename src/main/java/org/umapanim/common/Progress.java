package org.umapanim.common;

/**
 * How a long stage reports how far it has got. The CLI turns this into a progress bar on a
 * terminal or periodic log lines otherwise; stages and the maths only count.
 */
public interface Progress {
    /** Reports nothing; for tests and library use. */
    Progress NONE = (name, total) -> new Task() {
        @Override
        public void step(long n) {}

        @Override
        public void close() {}
    };

    /** Starts a task of {@code total} units (kNN rows, epochs, frames, …). */
    Task start(String name, long total);

    /** One running task. {@link #step} must be safe to call from several threads. */
    interface Task extends AutoCloseable {
        void step(long n);

        default void step() {
            step(1);
        }

        @Override
        void close();
    }
}
