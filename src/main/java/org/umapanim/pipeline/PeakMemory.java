package org.umapanim.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The most memory this process has held, for {@code --verbose}: the peak resident size where
 * Linux tells it ({@code VmHWM} in {@code /proc/self/status}: what the machine had to give, the
 * JVM's own and native memory included), else the peak of the Java heap.
 */
final class PeakMemory {
    private PeakMemory() {}

    /** "peak memory 1.23 GB resident, heap limit 16.1 GB". */
    static String describe() {
        long limit = Runtime.getRuntime().maxMemory();
        long resident = residentPeak();
        return resident > 0
                ? String.format(Locale.ROOT, "peak memory %s resident, heap limit %s", gb(resident), gb(limit))
                : String.format(Locale.ROOT, "peak memory %s of Java heap, heap limit %s", gb(heapPeak()), gb(limit));
    }

    private static long residentPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the heap's peak below
        }
        return -1;
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
