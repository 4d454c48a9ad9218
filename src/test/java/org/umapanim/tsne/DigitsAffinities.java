package org.umapanim.tsne;

import org.umapanim.common.Progress;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Metric;
import org.umapanim.knn.MnistSample;
import org.umapanim.knn.NearestNeighbors;
import org.umapanim.knn.Workers;

/** The first 2,000 bundled digits and their affinities at perplexity 30, computed once for all the tests. */
final class DigitsAffinities {
    static final int N = 2000;
    static final double PERPLEXITY = 30;

    private static MnistSample digits;
    private static Affinities affinities;

    private DigitsAffinities() {}

    static synchronized MnistSample digits() {
        if (digits == null) {
            digits = MnistSample.load(N);
        }
        return digits;
    }

    static synchronized Affinities affinities() {
        if (affinities == null) {
            MnistSample s = digits();
            KnnGraph knn = NearestNeighbors.exact(s.values(), s.n(), s.d(), (int) (3 * PERPLEXITY) + 1, Metric.EUCLIDEAN, 2,
                    Progress.NONE);
            try (Workers w = new Workers(2)) {
                affinities = Affinities.of(knn, PERPLEXITY, w);
            }
        }
        return affinities;
    }
}
