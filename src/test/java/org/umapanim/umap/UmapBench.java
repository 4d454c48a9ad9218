package org.umapanim.umap;

import org.umapanim.common.Progress;

/**
 * Hand-run measurement on the bundled digits (not a test). After {@code mvn -q -o test-compile}
 * and {@code mvn -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.umapanim.umap.UmapBench \
 *      [rows=10000] [threads=2] [parallelSgd=false] [repeats=1] [recall]
 * </pre>
 * prints the phase times of each fit (the first in a fresh JVM is the cold one, as in the CLI),
 * trustworthiness(15) and 5-fold 10-NN accuracy of the last layout, and with a fifth argument
 * the exact and approximate kNN times and the approximate kNN's recall.
 */
public final class UmapBench {
    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        boolean parallel = args.length > 2 && Boolean.parseBoolean(args[2]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        MnistSample s = MnistSample.load(limit);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            UmapParams p = UmapParams.defaults().withThreads(threads).withParallelSgd(parallel);
            UmapResult res = new Umap(p).fit(s.values(), s.n(), s.d(), (e, l) -> {}, Progress.NONE);
            long t1 = System.nanoTime();
            System.out.printf("n=%d threads=%d parallelSgd=%s knn=%s(%d ms) graph=%d ms init=%s(%d ms, %d comps) optimise=%d ms total=%d ms wall=%d ms%n",
                    s.n(), threads, parallel, res.knnMethod(), res.knnMillis(), res.graphMillis(), res.initMethod(),
                    res.initMillis(), res.components(), res.optimiseMillis(), res.totalMillis(), (t1 - t0) / 1_000_000);
            if (r == repeats - 1) {
                long q0 = System.nanoTime();
                double tw = EmbeddingQuality.trustworthiness(s.values(), s.n(), s.d(), res.layout(), 15);
                double acc = EmbeddingQuality.knnAccuracy(res.layout(), s.labels(), 10, 5, 42);
                System.out.printf("trustworthiness(15)=%.4f knn10 accuracy=%.4f (quality took %d ms)%n", tw, acc,
                        (System.nanoTime() - q0) / 1_000_000);
            }
        }
        if (args.length > 4) {
            long t0 = System.nanoTime();
            KnnGraph exact = NearestNeighbors.exact(s.values(), s.n(), s.d(), 15, threads, Progress.NONE);
            long t1 = System.nanoTime();
            KnnGraph approx = NearestNeighbors.approximate(s.values(), s.n(), s.d(), 15, 42, threads, Progress.NONE);
            long t2 = System.nanoTime();
            System.out.printf("exact kNN %d ms, approximate %d ms, recall %.4f%n", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, NearestNeighbors.recall(approx, exact));
        }
    }
}
