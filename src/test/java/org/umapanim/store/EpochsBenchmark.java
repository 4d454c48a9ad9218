package org.umapanim.store;

import java.nio.file.Path;
import java.util.Map;

/** Manual measurement: {@code EpochsBenchmark <dir> <points> <epochs>}; not a test. */
public final class EpochsBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int points = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        for (int rep = 0; rep < 3; rep++) {
            SyntheticLayouts run = new SyntheticLayouts(points, epochs, 42);
            Path file = dir.resolve("epochs-" + points + ".parquet");
            EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, epochs, false, Map.of("tool", "bench"));
            long t0 = System.nanoTime();
            run.run(writer);
            long t1 = System.nanoTime();
            EpochsSummary s = writer.finish();
            System.out.printf("collect %.0f ms, finish %d ms, %d rows, %.2f MB%n", (t1 - t0) / 1e6,
                    s.time().toMillis(), s.rows(), s.bytes() / 1e6);
        }
    }
}
