package org.umapanim.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.umapanim.common.Progress;

/**
 * Progress on stderr: a progress bar with rate and ETA when stderr is a terminal (ASCII where its
 * locale cannot show the Unicode blocks, without colour under {@code NO_COLOR}), a plain line every
 * tenth of the way when stderr is a log (CI, {@code 2>run.log}), nothing with {@code --quiet}.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private final Terminal terminal;

    private ConsoleProgress(PrintStream err, Terminal terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress forConsole(boolean quiet) {
        if (quiet) {
            return Progress.NONE;
        }
        return new ConsoleProgress(System.err, Terminal.ofStderr());
    }

    @Override
    public Task start(String name, long total) {
        return terminal.interactive() ? new Bar(name, total) : new LogLines(name, total);
    }

    private final class Bar implements Task {
        private final ProgressBar bar;

        Bar(String name, long total) {
            bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(style())
                    // a fixed width keeps the library from probing the terminal through JLine (see Terminal)
                    .setConsumer(new ConsoleProgressBarConsumer(err, terminal.columns() - 1))
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .build();
        }

        private ProgressBarStyle style() {
            if (!terminal.unicode()) {
                return ProgressBarStyle.ASCII;
            }
            return terminal.colour() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK;
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
                double seconds = (System.nanoTime() - started) / 1e9;
                double rate = now / Math.max(seconds, 1e-9);
                err.printf(Locale.ROOT, "%s: %d/%d (%d%%), %s/s, %.0f s to go%n", name, now, total, decile * 10,
                        rate(rate), (total - now) / rate);
            }
        }

        private static String rate(double perSecond) {
            return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                    : String.format(Locale.ROOT, "%.1f", perSecond);
        }

        @Override
        public void close() {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            err.printf("%s: %d/%d done in %.1f s%n", name, done.get(), total, took.toMillis() / 1000.0);
        }
    }
}
