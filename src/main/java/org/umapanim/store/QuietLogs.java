package org.umapanim.store;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hadoop and Parquet log routine events at INFO through SLF4J → java.util.logging, whose default
 * console handler prints INFO to stderr ("Got brand-new compressor [.zstd]" on every file). Unless
 * someone (the CLI, --verbose) has chosen a level for them, only warnings get through.
 */
final class QuietLogs {
    // JUL holds loggers weakly: a level set on a logger nobody references can vanish with it.
    private static final List<Logger> LOGGERS = List.of(Logger.getLogger("org.apache.hadoop"),
            Logger.getLogger("org.apache.parquet"));

    static {
        for (Logger logger : LOGGERS) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }

    private QuietLogs() {}

    /** Applies the defaults above (once; later calls do nothing). */
    static void ensure() {
        // the static initialiser did the work
    }
}
