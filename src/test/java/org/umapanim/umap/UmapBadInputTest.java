package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.umapanim.common.Progress;
import org.umapanim.knn.Blobs;
import org.umapanim.knn.MnistSample;
import org.umapanim.knn.NearestNeighbors;

class UmapBadInputTest {

    private static final UmapParams P = TestParams.threads(TestParams.epochs(UmapParams.DEFAULTS, 50), 2);

    private static UmapResult fit(UmapParams p, float[] values, int n, int d) {
        return new Umap(p).fit(values, n, d, (e, l) -> {}, Progress.NONE);
    }

    @Test
    void defaultsAreUmapLearns() {
        UmapParams d = UmapParams.DEFAULTS;
        assertThat(d.nNeighbors()).isEqualTo(15);
        assertThat(d.minDist()).isEqualTo(0.1);
        assertThat(d.spread()).isEqualTo(1.0);
        assertThat(d.nEpochs()).isEqualTo(200);
        assertThat(d.learningRate()).isEqualTo(1.0);
        assertThat(d.repulsionStrength()).isEqualTo(1.0);
        assertThat(d.negativeSampleRate()).isEqualTo(5);
        assertThat(d.seed()).isEqualTo(42L);
        assertThat(d.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(d.init()).isEqualTo(InitMethod.SPECTRAL);
        assertThat(d.pca()).isZero();
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> TestParams.neighbors(P, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n_neighbors must be at least 2, got 1");
        assertThatThrownBy(() -> TestParams.minDist(P, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min_dist (2.0) must not exceed spread (1.0)");
        assertThatThrownBy(() -> TestParams.epochs(P, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n_epochs must be at least 1, got 0");
        assertThatThrownBy(() -> TestParams.minDist(P, -0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min_dist");
        assertThatThrownBy(() -> TestParams.spread(P, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spread");
        assertThatThrownBy(() -> TestParams.threads(P, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
        assertThatThrownBy(() -> TestParams.pca(P, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pca must be 0 (none) or a number of components, got -1");
        assertThatThrownBy(() -> InitMethod.named("umap")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("init must be spectral, pca or random, got 'umap'");
        assertThat(InitMethod.named("PCA")).isEqualTo(InitMethod.PCA);
    }

    @Test
    void rejectsMorePrincipalComponentsThanColumns() {
        Blobs b = Blobs.make(20, 2, 4, 3.0, 1);
        assertThatThrownBy(() -> fit(TestParams.pca(P, 4), b.values(), b.n(), b.d()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pca must be fewer than the data's 4 columns, got 4");
        assertThatThrownBy(() -> fit(TestParams.init(TestParams.pca(P, 1), InitMethod.PCA), b.values(), b.n(), b.d()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a PCA initialisation needs at least 2 columns, the data have 1");
    }

    @Test
    void rejectsNaNAndInfinityNamingTheCell() {
        Blobs b = Blobs.make(20, 2, 4, 3.0, 1);
        float[] nan = b.values().clone();
        nan[5 * 4 + 2] = Float.NaN;
        assertThatThrownBy(() -> fit(P, nan, b.n(), b.d())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 5, column 2 is NaN; UMAP needs finite numbers");
        float[] inf = b.values().clone();
        inf[7 * 4] = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> fit(P, inf, b.n(), b.d())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 7, column 0 is -Infinity; UMAP needs finite numbers");
    }

    @Test
    void rejectsSizeMismatchAndTooFewRows() {
        assertThatThrownBy(() -> fit(P, new float[10], 3, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 rows x 4 columns");
        assertThatThrownBy(() -> fit(P, new float[4], 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UMAP needs at least 3 rows, got 2");
    }

    @Test
    void fewerRowsThanNeighboursShrinksTheNeighbourhood() {
        Blobs b = Blobs.make(5, 2, 4, 3.0, 1); // 10 rows, 15 neighbours asked
        UmapResult r = fit(P, b.values(), b.n(), b.d());
        assertThat(r.nNeighbors()).isEqualTo(9);
        assertThat(r.layout()).hasSize(20);
        UmapTest.assertAllFinite(r.layout());
    }

    @Test
    void constantDataGivesAFiniteLayout() {
        // every distance is 0: every neighbour gets membership 1, and the layout is one round blob
        for (int n : new int[] {300, 4200}) { // exact and approximate kNN
            int d = 8;
            float[] values = new float[n * d];
            java.util.Arrays.fill(values, 3.5f);
            UmapResult r = fit(P, values, n, d);
            assertThat(r.layout()).hasSize(2 * n);
            UmapTest.assertAllFinite(r.layout());
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : r.layout()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat(max - min).as("n=" + n).isBetween(0.5f, 50f);
        }
    }

    @Test
    void valuesWhoseSquaresOverflowAFloatWorkLikeAnyOthers() {
        // 1e19 used to crash the kNN ("Index -5 out of bounds") or, below the exact-kNN threshold,
        // to give a meaningless layout; now such data is brought near 1 by a power of two first
        for (int n : new int[] {3000, NearestNeighbors.EXACT_BELOW + 100}) {
            MnistSample s = MnistSample.load(n);
            float[] huge = s.values().clone();
            for (int i = 0; i < huge.length; i++) {
                huge[i] *= 1e19f;
            }
            double plain = EmbeddingQuality.knnAccuracy(fit(P, s.values(), n, s.d()).layout(), s.labels(), 10, 5, 0);
            UmapResult r = fit(P, huge, n, s.d());
            UmapTest.assertAllFinite(r.layout());
            assertThat(EmbeddingQuality.knnAccuracy(r.layout(), s.labels(), 10, 5, 0)).as("n = %d", n)
                    .isGreaterThan(0.8).isCloseTo(plain, org.assertj.core.api.Assertions.within(0.03));
        }
    }
}
