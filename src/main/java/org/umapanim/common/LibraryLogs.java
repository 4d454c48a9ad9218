package org.umapanim.common;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hadoop, Parquet and jhdf log routine events at INFO through SLF4J → java.util.logging, whose console
 * handler prints INFO to stderr ("Got brand-new compressor [.zstd]" on every file, "Opening HDF5
 * file" on every .h5ad). The command
 * line chooses their level once ({@link #configure}); code that touches Parquet without it (tests,
 * library use) gets warnings only ({@link #quietByDefault}).
 */
public final class LibraryLogs {
    // JUL holds loggers weakly: a level set on a logger nobody references can vanish with it.
    private static final List<Logger> NOISY = List.of(Logger.getLogger("org.apache.hadoop"),
            Logger.getLogger("org.apache.parquet"), Logger.getLogger("io.jhdf"));

    private static volatile boolean configured;

    private LibraryLogs() {}

    /** Only their real problems (SEVERE): their INFO lines are noise to our users, --verbose or not. */
    public static synchronized void configure() {
        Logger.getLogger("").setLevel(Level.WARNING);
        for (Logger noisy : NOISY) {
            noisy.setLevel(Level.SEVERE);
        }
        configured = true;
    }

    /** Warnings only, unless {@link #configure} chose a level. */
    public static synchronized void quietByDefault() {
        if (!configured) {
            for (Logger noisy : NOISY) {
                noisy.setLevel(Level.WARNING);
            }
        }
    }
}
