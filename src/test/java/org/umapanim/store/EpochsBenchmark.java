package org.umapanim.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Map;

/**
 * Manual measurement, not a test: {@code EpochsBenchmark <dir> <points> <epochs> [reps]} writes
 * a synthetic run and reads it back, reporting wall and CPU time (the machine may be shared).
 */
public final class EpochsBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int points = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path file = dir.resolve("epochs-" + points + ".parquet");
        for (int rep = 0; rep < reps; rep++) {
            SyntheticLayouts run = new SyntheticLayouts(points, epochs, 42);
            EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, epochs, false, Map.of("tool", "bench"));
            run.run(writer);
            long cpu0 = threads.getCurrentThreadCpuTime();
            EpochsSummary s = writer.finish();
            long cpu1 = threads.getCurrentThreadCpuTime();
            System.out.printf("write: %d rows, %.2f MB, wall %d ms, cpu %.0f ms%n", s.rows(), s.bytes() / 1e6,
                    s.time().toMillis(), (cpu1 - cpu0) / 1e6);
        }
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime(), cpu0 = threads.getCurrentThreadCpuTime();
            double[] sum = {0};
            try (EpochsReader reader = EpochsReader.open(file)) {
                long t1 = System.nanoTime(), cpu1 = threads.getCurrentThreadCpuTime();
                reader.forEachEpoch((e, xy) -> sum[0] += xy[0]);
                long t2 = System.nanoTime(), cpu2 = threads.getCurrentThreadCpuTime();
                long rows = (long) reader.points() * (reader.lastEpoch() + 1);
                System.out.printf("read: open+check wall %d ms cpu %.0f ms; forEachEpoch wall %d ms cpu %.0f ms"
                                + " (%.1f M rows/s wall)%n", (t1 - t0) / 1_000_000, (cpu1 - cpu0) / 1e6,
                        (t2 - t1) / 1_000_000, (cpu2 - cpu1) / 1e6, rows / ((t2 - t1) / 1e3));
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap committed %.0f MB, max %.0f MB%n", rt.totalMemory() / 1e6, rt.maxMemory() / 1e6);
    }

    private EpochsBenchmark() {}
}
