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
        if (Integer.getInteger("warm", 0) > 0) {
            long tw = System.nanoTime(); long cw = os.getProcessCpuTime();
            int wn = Integer.getInteger("warm", 0);
            float[] wx = new float[wn * d];
            java.util.Random wr = new java.util.Random(1);
            for (int i = 0; i < wx.length; i++) wx[i] = wr.nextInt(4) == 0 ? wr.nextInt(256) : 0;
            if (Boolean.getBoolean("warmKernels")) {
                try (Workers w = new Workers(1)) {
                    Rows rr = Rows.of(wx, wn, d, Metric.EUCLIDEAN, w);
                    Rows.Plane pl = rr.new Plane();
                    double acc = 0;
                    for (int it = 0; it < 30000; it++) { acc += rr.distance(it % wn, (it * 7 + 1) % wn); if (it % 1000 == 0) pl.between(0, 1); acc += pl.margin(it % wn); }
                    System.out.println(acc > 0);
                }
            } else
            NearestNeighbors.search(wx, wn, d, 15, Metric.EUCLIDEAN, 1, threads, Progress.NONE);
            System.out.printf("warm-up wall %d ms, cpu %d ms%n", (System.nanoTime() - tw) / 1000000, (os.getProcessCpuTime() - cw) / 1000000);
        }
        KnnGraph g = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();

            g = NearestNeighbors.search(x, n, d, 15, Metric.valueOf(System.getProperty("metric", "EUCLIDEAN")), 42, threads, Progress.NONE);
            long w = System.nanoTime() - w0;
            long c = os.getProcessCpuTime() - c0;
            System.out.printf("kNN wall %d ms, cpu %d ms%n", w / 1000000, c / 1000000);
        }
        {
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) parent[i] = i;
            java.util.function.IntUnaryOperator find = new java.util.function.IntUnaryOperator() { public int applyAsInt(int v) { while (parent[v] != v) { parent[v] = parent[parent[v]]; v = parent[v]; } return v; } };
            for (int i = 0; i < n; i++) for (int j = 1; j < g.k(); j++) { int a = find.applyAsInt(i), b = find.applyAsInt(g.index(i, j)); if (a != b) parent[a] = b; }
            java.util.Map<Integer, Integer> sizes = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) sizes.merge(find.applyAsInt(i), 1, Integer::sum);
            System.out.println("components " + sizes.size() + " sizes " + sizes.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(12).toList());
        }
        long s0 = System.nanoTime();
        double recall = SampledRecall.of(g, x, n, d, Metric.valueOf(System.getProperty("metric", "EUCLIDEAN")), Integer.getInteger("sample", 1000), 7);
        System.out.printf("recall %.4f (sample exact %d ms)%n", recall, (System.nanoTime() - s0) / 1000000);
    }
}
