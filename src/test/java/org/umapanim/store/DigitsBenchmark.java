package org.umapanim.store;

import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * Manual measurement, not a test: {@code DigitsBenchmark <out dir> <images.idx.gz> <labels.idx.gz> <rows>}
 * writes the first rows of an IDX image set (e.g. Debian's Fashion-MNIST) as digits.parquet.
 */
public final class DigitsBenchmark {
    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[3]);
        float[] pixels = new float[rows * 784];
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(Path.of(args[1]))))) {
            in.skipNBytes(16);
            byte[] bytes = in.readNBytes(rows * 784);
            for (int k = 0; k < bytes.length; k++) {
                pixels[k] = bytes[k] & 0xFF;
            }
        }
        String[] labels = new String[rows];
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(Path.of(args[2]))))) {
            in.skipNBytes(8);
            for (int i = 0; i < rows; i++) {
                labels[i] = Integer.toString(in.readUnsignedByte());
            }
        }
        Dataset ds = new Dataset("fashion-mnist", "", IntStream.rangeClosed(1, 784).mapToObj(j -> "pixel" + j).toList(),
                pixels, "digit", labels, Optional.of(new ImageShape(28, 28)));
        Path file = Path.of(args[0]).resolve("digits-" + rows + ".parquet");
        for (int rep = 0; rep < 3; rep++) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime(), cpu0 = threads.getCurrentThreadCpuTime();
            DigitsWriter.write(file, ds, Map.of());
            System.out.printf("digits %d × 784: wall %d ms, cpu %d ms, %.2f MB%n", rows, (System.nanoTime() - t0) / 1_000_000,
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000, Files.size(file) / 1e6);
        }
    }

    private DigitsBenchmark() {}
}
