package org.umapanim.umap;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;

/** Scratch: kNN time and sampled recall. Args: SOURCE LIMIT THREADS [REPEATS]. SOURCE = file, "bundled", "blobs". */
public final class KnnProbe {
    public static void main(String[] args) {
        String src = args[0];
        int limit = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long t0 = System.nanoTime();
        float[] x;
        int n, d;
        if (src.equals("gauss")) {
            n = limit; d = 50;
            java.util.Random g = new java.util.Random(43);
            x = new float[n * d];
            for (int i = 0; i < n * d; i++) x[i] = (float) g.nextGaussian();
        } else if (src.equals("blobs")) {
            n = limit; d = 50;
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
            double[][] c = new double[10][d];
            for (double[] cc : c) for (int j = 0; j < d; j++) cc[j] = rnd.nextDouble(-10, 10);
            x = new float[n * d];
            java.util.Random g = new java.util.Random(43);
            for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i * d + j] = (float) (c[i % 10][j] + g.nextGaussian());
        } else {
            Dataset ds = src.equals("bundled") ? DatasetReader.bundled(limit) : DatasetReader.read(Path.of(src), null, limit);
            x = ds.values(); n = ds.rows(); d = ds.cols();
        }
        System.out.printf("load %d ms: %d x %d%n", (System.nanoTime() - t0) / 1000000, n, d);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        KnnGraph g = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            g = NearestNeighbors.search(x, n, d, 15, Metric.valueOf(System.getProperty("metric", "EUCLIDEAN")), 42, threads, Progress.NONE);
            long w = System.nanoTime() - w0;
            long c = os.getProcessCpuTime() - c0;
            System.out.printf("kNN wall %d ms, cpu %d ms%n", w / 1000000, c / 1000000);
        }
        long s0 = System.nanoTime();
        double recall = SampledRecall.of(g, x, n, d, Metric.valueOf(System.getProperty("metric", "EUCLIDEAN")), Integer.getInteger("sample", 1000), 7);
        System.out.printf("recall %.4f (sample exact %d ms)%n", recall, (System.nanoTime() - s0) / 1000000);
    }
}
