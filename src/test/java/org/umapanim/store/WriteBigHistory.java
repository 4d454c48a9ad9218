package org.umapanim.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM for {@link EpochsWriterTest}: writes a run whose history is larger than the heap the
 * test gives it. Arguments: file, points, epochs.
 */
public final class WriteBigHistory {
    private WriteBigHistory() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int points = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        SyntheticLayouts run = new SyntheticLayouts(points, epochs, 5);
        try (EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, epochs, false, Map.of())) {
            run.run(writer);
            writer.finish();
        }
    }
}
