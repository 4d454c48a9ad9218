package org.umapanim.tsne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Workers;

class AffinitiesTest {

    @Test
    void digitsAffinitiesAreSymmetricSumToOneAndHaveThePerplexity() {
        Affinities p = DigitsAffinities.affinities();
        int n = p.n();
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.columns()[e];
                assertThat(j).isNotEqualTo(i);
                if (e > p.rowStart()[i]) {
                    assertThat(j).isGreaterThan(p.columns()[e - 1]);
                }
                assertThat(value(p, j, i)).as("P symmetric at (%d, %d)", i, j).isEqualTo(p.values()[e]);
                total += p.values()[e];
            }
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void eachConditionalRowHasThePerplexity() {
        KnnGraph g = new KnnGraph(1, 6, new int[] {0, 1, 2, 3, 4, 5}, new float[] {0, 1, 1.5f, 2, 3, 7});
        double[] out = new double[6];
        Affinities.conditionalRow(g, 0, 3.0, new double[6], out);
        double h = 0;
        double sum = 0;
        for (double v : out) {
            sum += v;
            h -= v > 0 ? v * Math.log(v) : 0;
        }
        assertThat(out[0]).isZero();
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(Math.exp(h)).isCloseTo(3.0, within(1e-6));
        assertThat(out[1]).isGreaterThan(out[2]).isGreaterThan(out[5]);
    }

    @Test
    void identicalRowsGiveUniformAffinities() {
        // four identical rows: every distance 0, the row itself not necessarily first
        int n = 4;
        int k = 4;
        int[] idx = {1, 0, 2, 3, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3};
        KnnGraph g = new KnnGraph(n, k, idx, new float[n * k]);
        try (Workers w = new Workers(1)) {
            Affinities p = Affinities.of(g, 2.0, w);
            for (double v : p.values()) {
                assertThat(v).isCloseTo(1.0 / 12, within(1e-15));
            }
            assertThat(p.entries()).isEqualTo(12);
        }
    }

    private static double value(Affinities p, int i, int j) {
        for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
            if (p.columns()[e] == j) {
                return p.values()[e];
            }
        }
        return 0;
    }
}
