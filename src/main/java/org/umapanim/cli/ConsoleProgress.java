package org.umapanim.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.umapanim.common.Progress;

/**
 * Progress on stderr: a progress bar with rate and ETA on a terminal, a plain line every tenth of
 * the way when stderr is a log (CI), nothing with {@code --quiet}.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private final boolean terminal;

    private ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress forConsole(boolean quiet) {
        if (quiet) {
            return Progress.NONE;
        }
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public Task start(String name, long total) {
        return terminal ? new Bar(name, total) : new LogLines(name, total);
    }

    private final class Bar implements Task {
        private final ProgressBar bar;

        Bar(String name, long total) {
            bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .build();
        }

        @Override
        public void step(long n) {
            bar.stepBy(n);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** Log lines at 10 %, 20 %, … so a CI log shows the run moving without a wall of text. */
    private final class LogLines implements Task {
        private final String name;
        private final long total;
        private final long started = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong lastDecile = new AtomicLong();

        LogLines(String name, long total) {
            this.name = name;
            this.total = Math.max(1, total);
        }

        @Override
        public void step(long n) {
            long now = done.addAndGet(n);
            long decile = Math.min(10, now * 10 / total);
            long previous = lastDecile.get();
            if (decile > previous && decile < 10 && lastDecile.compareAndSet(previous, decile)) {
                err.printf("%s: %d/%d (%d%%)%n", name, now, total, decile * 10);
            }
        }

        @Override
        public void close() {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            err.printf("%s: %d/%d done in %.1f s%n", name, done.get(), total, took.toMillis() / 1000.0);
        }
    }
}
