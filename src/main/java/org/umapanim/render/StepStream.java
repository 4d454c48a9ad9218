package org.umapanim.render;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.umapanim.store.EpochHistory;

/**
 * One run's recorded steps, pulled in order at any fractional step: a reader thread replays the
 * history ({@link EpochHistory#forEachEpoch} pushes) and hands each step over through a queue of
 * one, so that several runs advance side by side at their own rates while each holds only the two
 * steps around the moment shown and the one being handed over.
 */
final class StepStream implements AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
    private final Thread reader;
    private final int last;
    /** The step at or before the moment shown, and the one after it (null at the end). */
    private float[] before;
    private float[] after;
    private int beforeStep = -1;

    StepStream(EpochHistory history, String name) {
        this.last = history.lastEpoch();
        this.reader = new Thread(() -> {
            try {
                history.forEachEpoch((step, xy) -> hand(new Step(step, xy.clone())));
                hand(END);
            } catch (Stopped e) {
                // the stream was closed: nobody is waiting for the rest
            } catch (RuntimeException | Error e) {
                try {
                    queue.clear();
                    queue.put(new Failure(e));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "read " + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void hand(Object next) {
        try {
            queue.put(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /**
     * The layout at {@code step} (fractional: interpolated between the recorded steps either side),
     * never before the last one asked for. A whole step's array is the stream's and shared: callers
     * only read it.
     */
    float[] at(double step) {
        int lo = (int) Math.floor(Math.max(0, Math.min(last, step)));
        while (beforeStep < lo || (after == null && lo < last)) {
            if (beforeStep < lo && after != null) {
                before = after;
                beforeStep++;
                after = null;
            } else {
                Step next = take();
                if (before == null) {
                    before = next.xy();
                    beforeStep = next.step();
                } else {
                    after = next.xy();
                }
            }
        }
        double t = step - lo;
        if (t <= 0 || after == null) {
            return before;
        }
        float[] xy = new float[before.length];
        float f = (float) t;
        for (int i = 0; i < xy.length; i++) {
            xy[i] = before[i] + f * (after[i] - before[i]);
        }
        return xy;
    }

    private Step take() {
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the steps", e);
        }
        if (next instanceof Failure failure) {
            if (failure.cause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) failure.cause();
        }
        if (next == END) {
            throw new IllegalStateException("the history ends before step " + (beforeStep + 1) + " of " + last);
        }
        Step s = (Step) next;
        if (s.step() != (before == null ? 0 : beforeStep + (after == null ? 1 : 2))) {
            throw new IllegalStateException("step " + s.step() + " came out of order");
        }
        return s;
    }

    @Override
    public void close() {
        reader.interrupt();
    }

    private record Step(int step, float[] xy) {}

    private record Failure(Throwable cause) {}

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
