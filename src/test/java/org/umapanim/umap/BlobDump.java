package org.umapanim.umap;

import java.io.*;
import java.nio.*;
import java.nio.channels.FileChannel;
import java.nio.file.*;

/** Scratch: writes KnnProbe's blobs as raw little-endian float32. Args: N FILE */
public final class BlobDump {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]); int d = 50;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        double[][] c = new double[10][d];
        for (double[] cc : c) for (int j = 0; j < d; j++) cc[j] = rnd.nextDouble(-10, 10);
        java.util.Random g = new java.util.Random(43);
        ByteBuffer bb = ByteBuffer.allocate(n * d * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) bb.putFloat((float) (c[i % 10][j] + g.nextGaussian()));
        Files.write(Path.of(a[1]), bb.array());
    }
}
