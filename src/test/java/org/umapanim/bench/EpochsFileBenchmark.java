package org.umapanim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.store.DigitsWriter;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.EpochsWriter;

/**
 * The epochs file's benchmark behind {@code bench/epochs-file}: writes a {@link SyntheticRun}'s
 * {@code digits.parquet} and {@code epochs.parquet} into a folder (kept, so that {@code umap-anim
 * render --data-dir DIR} and {@code view} can be run and measured on it; written only when missing),
 * then times what render and the viewer do with the epochs file: {@link EpochsReader#open}, which
 * checks every row, and one pass of {@link EpochsReader#forEachEpoch}, each the fastest of
 * {@link #ROUNDS}, in wall and CPU time. Prints the heap in use after each, to show that neither
 * holds the history.
 *
 * <p>Usage: {@code EpochsFileBenchmark DIR [POINTS [EPOCHS [COLUMNS]]]} (default: 1,000,000 points,
 * 200 epochs after the initial layout, 32 columns in digits.parquet).
 */
public final class EpochsFileBenchmark {
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int columns = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        Path digits = dir.resolve("digits.parquet");
        Path file = dir.resolve("epochs.parquet");
        System.out.printf("umap-anim epochs file benchmark: %,d points × %d epochs, %d CPUs, load average %.1f%n",
                points, epochs + 1, Runtime.getRuntime().availableProcessors(), loadAverage());
        if (!Files.exists(file) || !Files.exists(digits)) {
            Files.createDirectories(dir);
            SyntheticRun run = new SyntheticRun(points, epochs, 42);
            long t = System.nanoTime();
            DigitsWriter.write(digits, run.rows(columns), Map.of());
            System.out.printf("write digits.parquet            %,d ms, %.1f MB%n", millisSince(t), Files.size(digits) / 1e6);
            t = System.nanoTime();
            try (EpochsWriter writer = new EpochsWriter(file, "class", run.labels(), epochs, false, Map.of())) {
                run.forEachEpoch(writer);
                writer.finish(Progress.NONE);
            }
            System.out.printf("write epochs.parquet            %,d ms, %.1f MB%n", millisSince(t), Files.size(file) / 1e6);
        }
        long best = Long.MAX_VALUE;
        long cpu = Long.MAX_VALUE;
        EpochsReader reader = null;
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            long c = cpuNanos();
            reader = EpochsReader.open(file);
            best = Math.min(best, System.nanoTime() - t);
            cpu = Math.min(cpu, cpuNanos() - c);
        }
        long rows = (long) reader.points() * (reader.lastEpoch() + 1);
        System.out.printf("open (checks every row)         %,d ms (CPU %,d ms): %.0f M rows/s; heap in use %d MB%n",
                best / 1_000_000, cpu / 1_000_000, rows / (best / 1e3), heapMb());
        best = Long.MAX_VALUE;
        cpu = Long.MAX_VALUE;
        double[] sum = {0};
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            long c = cpuNanos();
            reader.forEachEpoch((epoch, xy) -> sum[0] += xy[0]);
            best = Math.min(best, System.nanoTime() - t);
            cpu = Math.min(cpu, cpuNanos() - c);
        }
        System.out.printf("one pass of forEachEpoch        %,d ms (CPU %,d ms): %.0f M rows/s; heap in use %d MB (checksum %.3f)%n",
                best / 1_000_000, cpu / 1_000_000, rows / (best / 1e3), heapMb(), sum[0]);
    }

    /** This thread's CPU time: what the machine's load does not inflate (reading runs on the calling thread). */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long heapMb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    private static long millisSince(long t) {
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
