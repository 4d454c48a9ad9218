package org.umapanim.store;

import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Child process for {@link InterruptedWriteTest}: writes digits.parquet and epochs.parquet into
 * the folder {@code args[0]} over and over until killed. Prints "writing" when it starts on
 * them, after writing small ones into the folder {@code args[1]}.
 */
public final class KeepWriting {
    static final int DIGITS = 1000;
    static final int POINTS = 2000;
    static final int EPOCHS = 200;

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        float[] pixels = new float[DIGITS * 784];
        String[] digitLabels = new String[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            digitLabels[i] = Integer.toString(i % 10);
            for (int j = 0; j < 784; j++) {
                pixels[i * 784 + j] = (i * 31 + j * 7) % 256;
            }
        }
        Dataset digits = new Dataset("digits", "", IntStream.rangeClosed(1, 784).mapToObj(j -> "pixel" + j).toList(),
                pixels, "digit", digitLabels, Optional.of(new ImageShape(28, 28)));
        SyntheticLayouts run = new SyntheticLayouts(POINTS, EPOCHS, 7);
        float[][] history = new float[EPOCHS + 1][];
        history[0] = run.layout().clone();
        for (int e = 1; e <= EPOCHS; e++) {
            run.step();
            history[e] = run.layout().clone();
        }
        // a small pair elsewhere first, so that the kills land in writing, not in loading classes
        Dataset few = new Dataset("few", "", digits.columns(), java.util.Arrays.copyOf(pixels, 10 * 784), "digit",
                java.util.Arrays.copyOf(digitLabels, 10), digits.image());
        EpochsWriter small = new EpochsWriter(Path.of(args[1]).resolve("epochs.parquet"), "digit",
                java.util.Arrays.copyOf(run.labels, 10), 1, false, Map.of());
        small.onEpoch(0, new float[20]);
        small.onEpoch(1, new float[20]);
        small.finish();
        DigitsWriter.write(Path.of(args[1]).resolve("digits.parquet"), few, Map.of());
        System.out.println("writing");
        System.out.flush();
        while (true) {
            writeBoth(dir, digits, run.labels, history);
        }
    }

    private static void writeBoth(Path dir, Dataset digits, String[] labels, float[][] history) {
        DigitsWriter.write(dir.resolve("digits.parquet"), digits, Map.of());
        EpochsWriter writer = new EpochsWriter(dir.resolve("epochs.parquet"), "digit", labels, EPOCHS, false, Map.of());
        for (int e = 0; e <= EPOCHS; e++) {
            writer.onEpoch(e, history[e]);
        }
        writer.finish();
    }

    private KeepWriting() {}
}
