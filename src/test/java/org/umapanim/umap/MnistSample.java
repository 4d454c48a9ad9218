package org.umapanim.umap;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The bundled MNIST digits, read from gzip'd IDX files (a test-only loader). */
public record MnistSample(float[] values, int[] labels, int n, int d) {
    static final Path IMAGES = Path.of("data/mnist-sample-images-idx3-ubyte.gz");
    static final Path LABELS = Path.of("data/mnist-sample-labels-idx1-ubyte.gz");

    /**
     * Up to {@code limit} digits, evenly spread over the file (row ⌊i·n/limit⌋ for i = 0 …), so a
     * subsample is representative even if the file happens to be sorted by label.
     */
    public static MnistSample load(int limit) throws IOException {
        try (DataInputStream img = open(IMAGES); DataInputStream lab = open(LABELS)) {
            if (img.readInt() != 0x803 || lab.readInt() != 0x801) {
                throw new IOException("not IDX image/label files");
            }
            int n = img.readInt();
            int d = img.readInt() * img.readInt();
            if (lab.readInt() != n) {
                throw new IOException("image and label counts differ");
            }
            byte[] pixels = new byte[n * d];
            img.readFully(pixels);
            byte[] labelBytes = new byte[n];
            lab.readFully(labelBytes);
            int m = Math.min(n, limit);
            float[] values = new float[m * d];
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                int row = (int) ((long) i * n / m);
                for (int c = 0; c < d; c++) {
                    values[i * d + c] = pixels[row * d + c] & 0xFF;
                }
                labels[i] = labelBytes[row];
            }
            return new MnistSample(values, labels, m, d);
        }
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(p), 1 << 16);
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }
}
