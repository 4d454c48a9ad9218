package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.knn.Blobs;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Metric;
import org.umapanim.knn.NearestNeighbors;

class UmapTest {

    private static final UmapParams FAST = TestParams.threads(TestParams.epochs(UmapParams.DEFAULTS, 100), 2);

    @Test
    void separatesBlobsAndKeepsNeighbourhoods() {
        Blobs b = Blobs.make(200, 6, 50, 3.0, 1);
        UmapResult r = new Umap(FAST).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE);
        assertThat(r.layout()).hasSize(2 * b.n());
        assertAllFinite(r.layout());
        assertThat(r.knnMethod()).isEqualTo(NearestNeighbors.Method.EXACT);
        assertThat(r.initMethod()).isEqualTo(InitMethod.SPECTRAL);
        assertThat(EmbeddingQuality.knnAccuracy(r.layout(), b.labels(), 10, 5, 42)).isGreaterThan(0.98);
        assertThat(EmbeddingQuality.trustworthiness(b.values(), b.n(), b.d(), r.layout(), 15)).isGreaterThan(0.85);
    }

    @Test
    void listenerSeesEveryEpochOnTheLiveLayout() {
        Blobs b = Blobs.make(50, 4, 10, 3.0, 2);
        List<Integer> epochs = new ArrayList<>();
        List<float[]> snapshots = new ArrayList<>();
        float[][] seen = new float[1][];
        UmapResult r = new Umap(TestParams.epochs(FAST, 30)).fit(b.values(), b.n(), b.d(), (epoch, layout) -> {
            epochs.add(epoch);
            snapshots.add(layout.clone());
            if (seen[0] == null) {
                seen[0] = layout;
            }
            assertThat(layout).isSameAs(seen[0]); // handed over, never copied
        }, Progress.NONE);
        assertThat(epochs).hasSize(31);
        for (int e = 0; e <= 30; e++) {
            assertThat(epochs.get(e)).isEqualTo(e);
        }
        for (float v : snapshots.get(0)) {
            assertThat(v).isBetween(0f, 10f); // umap-learn's initial layout spans [0, 10] on each axis
        }
        assertThat(snapshots.get(30)).isEqualTo(r.layout());
        assertThat(snapshots.get(30)).isNotEqualTo(snapshots.get(0));
    }

    @Test
    void theObjectiveComesOnceBeforeEpochZeroAsTheSymmetricPrunedGraph() {
        Blobs b = Blobs.make(60, 3, 10, 3.0, 4);
        List<String> events = new ArrayList<>();
        UmapObjective[] handed = new UmapObjective[1];
        float[] plain = new Umap(TestParams.epochs(FAST, 20)).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE).layout();
        float[] watched = new Umap(TestParams.epochs(FAST, 20)).withObjectiveListener(o -> {
            events.add("objective");
            handed[0] = o;
        }).fit(b.values(), b.n(), b.d(), (epoch, layout) -> events.add("epoch " + epoch), Progress.NONE).layout();

        assertThat(events.subList(0, 2)).containsExactly("objective", "epoch 0");
        assertThat(events).filteredOn("objective"::equals).hasSize(1);
        assertThat(watched).as("listening changes nothing").isEqualTo(plain);
        UmapObjective o = handed[0];
        assertThat(o.n()).isEqualTo(b.n());
        assertThat(o.a()).isCloseTo(1.577, org.assertj.core.data.Offset.offset(0.01));
        assertThat(o.b()).isCloseTo(0.895, org.assertj.core.data.Offset.offset(0.01));
        assertThat(o.edges() * 2).isEqualTo(o.rowStart()[b.n()]);
        for (int i = 0; i < o.n(); i++) {
            for (int e = o.rowStart()[i]; e < o.rowStart()[i + 1]; e++) {
                int j = o.columns()[e];
                assertThat(j).isNotEqualTo(i);
                assertThat(o.weights()[e]).isGreaterThan(0f).isLessThanOrEqualTo(1f);
                int back = java.util.Arrays.binarySearch(o.columns(), o.rowStart()[j], o.rowStart()[j + 1], i);
                assertThat(back).as("edge %d-%d both ways", i, j).isGreaterThanOrEqualTo(0);
                assertThat(o.weights()[back]).isEqualTo(o.weights()[e]);
            }
        }
    }

    @Test
    void sameSeedGivesBitIdenticalLayoutsAndAnotherSeedDoesNot() {
        Blobs b = Blobs.make(150, 5, 20, 2.0, 3);
        UmapParams p = TestParams.seed(FAST, 7);
        float[] first = new Umap(p).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE).layout();
        float[] second = new Umap(p).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE).layout();
        float[] other = new Umap(TestParams.seed(p, 8)).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE).layout();
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /**
     * The SGD hands blocks of 128 vertices to whichever thread is free, a phase per colour class
     * of the graph: 8,000 rows make classes of hundreds, so 2 and 8 threads really share the work.
     * The neighbours are found once (their own determinism is tested with the kNN).
     */
    @Test
    void oneTwoAndEightThreadsGiveTheSameLayoutBitForBit() {
        Blobs b = Blobs.make(800, 10, 12, 2.0, 3);
        KnnGraph knn = NearestNeighbors.search(b.values(), b.n(), b.d(), 15, Metric.EUCLIDEAN, 42, 2, Progress.NONE);
        for (UmapParams p : List.of(TestParams.epochs(FAST, 30),
                TestParams.init(TestParams.pca(TestParams.epochs(FAST, 10), 5), InitMethod.PCA))) {
            List<float[]> layouts = new ArrayList<>();
            for (int threads : new int[] {1, 2, 8}) {
                layouts.add(new Umap(TestParams.threads(p, threads)).fit(b.values(), b.n(), b.d(), knn, (e, l) -> {},
                        Progress.NONE).layout());
            }
            assertThat(layouts.get(1)).as("2 threads, " + p).isEqualTo(layouts.get(0));
            assertThat(layouts.get(2)).as("8 threads, " + p).isEqualTo(layouts.get(0));
        }
    }

    @Test
    void approximateNeighboursAreDeterministicToo() {
        Blobs b = Blobs.make(420, 10, 20, 2.0, 4); // 4,200 rows: above the exact-kNN threshold
        UmapParams p = TestParams.epochs(FAST, 20);
        UmapResult first = new Umap(p).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE);
        UmapResult second = new Umap(p).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE);
        assertThat(first.knnMethod()).isEqualTo(NearestNeighbors.Method.NN_DESCENT);
        assertThat(second.layout()).isEqualTo(first.layout());
    }

    @Test
    void pcaReductionAndEveryInitialisationEmbedAsWell() {
        Blobs b = Blobs.make(200, 6, 50, 3.0, 1);
        for (UmapParams p : List.of(TestParams.pca(FAST, 10), TestParams.init(FAST, InitMethod.PCA),
                TestParams.init(FAST, InitMethod.RANDOM))) {
            UmapResult r = new Umap(p).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE);
            assertAllFinite(r.layout());
            assertThat(r.initMethod()).isEqualTo(p.init());
            assertThat(EmbeddingQuality.knnAccuracy(r.layout(), b.labels(), 10, 5, 42)).as(p.toString()).isGreaterThan(0.98);
        }
    }

    /** umap-learn's PCA initialisation: the first two principal components, scaled, each axis onto [0, 10]. */
    @Test
    void pcaInitialisationStartsFromTheFirstTwoPrincipalComponents() {
        Blobs b = Blobs.make(100, 4, 6, 3.0, 8);
        float[][] start = new float[1][];
        new Umap(TestParams.init(TestParams.epochs(FAST, 1), InitMethod.PCA)).fit(b.values(), b.n(), b.d(),
                (e, l) -> {
                    if (e == 0) {
                        start[0] = l.clone();
                    }
                }, Progress.NONE);
        double[][] pcs = PrincipalComponentsTest.byJacobi(b.values(), b.n(), b.d(), 2);
        for (int axis = 0; axis < 2; axis++) {
            double[] x = new double[b.n()];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < b.n(); i++) {
                x[i] = start[0][2 * i + axis];
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            assertThat(min).isEqualTo(0.0);
            assertThat(max).isEqualTo(10.0);
            assertThat(Math.abs(PrincipalComponentsTest.correlation(x, pcs[axis]))).as("axis " + axis).isGreaterThan(0.99999);
        }
    }

    @Test
    void disconnectedGroupsAndIsolatedPointsAreAllLaidOut() {
        // three tight, far-apart groups plus two lone points far from everything: the kNN graph
        // cannot connect them all, yet every row must come out with a finite position
        Blobs b = Blobs.make(40, 3, 5, 1000.0, 9);
        int n = b.n() + 2;
        float[] values = java.util.Arrays.copyOf(b.values(), n * b.d());
        for (int c = 0; c < b.d(); c++) {
            values[b.n() * b.d() + c] = 5000f;
            values[(b.n() + 1) * b.d() + c] = -5000f;
        }
        UmapResult r = new Umap(TestParams.neighbors(FAST, 5)).fit(values, n, b.d(), (e, l) -> {}, Progress.NONE);
        assertThat(r.layout()).hasSize(2 * n);
        assertAllFinite(r.layout());
        assertThat(r.components()).isGreaterThanOrEqualTo(3);
        assertThat(EmbeddingQuality.knnAccuracy(java.util.Arrays.copyOf(r.layout(), 2 * b.n()), b.labels(), 10, 5, 1))
                .isEqualTo(1.0);
    }

    @Test
    void manyComponentsAreAllLaidOut() {
        Blobs b = Blobs.make(12, 10, 8, 1000.0, 5); // ten components: centroid-PCA anchors
        UmapResult r = new Umap(TestParams.neighbors(FAST, 5)).fit(b.values(), b.n(), b.d(), (e, l) -> {}, Progress.NONE);
        assertThat(r.components()).isEqualTo(10);
        assertAllFinite(r.layout());
        assertThat(EmbeddingQuality.knnAccuracy(r.layout(), b.labels(), 5, 3, 1)).isGreaterThan(0.95);
    }

    @Test
    void duplicateRowsAreKept() {
        Blobs b = Blobs.make(60, 3, 10, 3.0, 6);
        int n = b.n() * 2; // every row twice
        float[] values = new float[n * b.d()];
        System.arraycopy(b.values(), 0, values, 0, b.values().length);
        System.arraycopy(b.values(), 0, values, b.values().length, b.values().length);
        UmapResult r = new Umap(FAST).fit(values, n, b.d(), (e, l) -> {}, Progress.NONE);
        assertThat(r.layout()).hasSize(2 * n);
        assertAllFinite(r.layout());
    }

    @Test
    void reportsEpochProgress() {
        Blobs b = Blobs.make(30, 3, 5, 3.0, 2);
        List<String> tasks = new ArrayList<>();
        long[] epochSteps = new long[1];
        Progress progress = (name, total) -> {
            tasks.add(name + ":" + total);
            return new Progress.Task() {
                @Override
                public void step(long k) {
                    if (name.equals("epochs")) {
                        epochSteps[0] += k;
                    }
                }

                @Override
                public void close() {}
            };
        };
        new Umap(TestParams.epochs(FAST, 25)).fit(b.values(), b.n(), b.d(), (e, l) -> {}, progress);
        assertThat(tasks).containsExactly("kNN:90", "epochs:25");
        assertThat(epochSteps[0]).isEqualTo(25);
    }

    static void assertAllFinite(float[] layout) {
        for (float v : layout) {
            assertThat(Float.isFinite(v)).as("finite coordinate").isTrue();
        }
    }
}
