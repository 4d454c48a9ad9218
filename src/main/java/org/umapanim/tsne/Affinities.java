package org.umapanim.tsne;

import java.util.Arrays;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Workers;

/**
 * t-SNE's input affinities P as a symmetric sparse matrix in CSR form: row i's entries are
 * {@code columns[rowStart[i] … rowStart[i+1]-1]} (ascending) with {@code values} at the same
 * positions; the values sum to 1.
 *
 * <p>Built as openTSNE and FIt-SNE build it: for each row a binary search for the Gaussian
 * precision over its k nearest neighbours' squared distances whose conditional distribution
 * P_{j|i} has the requested perplexity, then P = (P_{j|i} + P_{i|j}) / 2N.
 */
public record Affinities(int n, int[] rowStart, int[] columns, double[] values) {

    /** openTSNE's tolerance on the entropy (nats) and its iteration cap. */
    static final double ENTROPY_TOLERANCE = 1e-8;
    static final int MAX_SEARCH_STEPS = 200;
    private static final int BLOCK = 256;

    public int entries() {
        return rowStart[n];
    }

    /**
     * The affinities of the rows of {@code knn} at {@code perplexity}. Each row's neighbours
     * other than the row itself count (the graph holds the row first; with duplicate rows it may
     * sit elsewhere, so it is skipped by index). Rows with all their neighbours at one distance,
     * identical rows among them, get the uniform distribution.
     */
    public static Affinities of(KnnGraph knn, double perplexity, Workers workers) {
        int n = knn.n();
        int k = knn.k();
        if (!(perplexity > 0) || perplexity >= k) {
            throw new IllegalArgumentException("perplexity " + perplexity + " needs more than " + k + " neighbours");
        }
        double[] conditional = new double[n * k]; // P_{j|i} at the graph's positions, 0 for the row itself
        workers.forBlocks(n, BLOCK, () -> new double[k], (work, from, to) -> {
            for (int i = from; i < to; i++) {
                conditionalRow(knn, i, perplexity, work, conditional);
            }
        });
        return symmetric(knn, conditional);
    }

    /** The binary search of one row, on squared distances shifted by the smallest (so exp never underflows to all zeros). */
    static void conditionalRow(KnnGraph knn, int i, double perplexity, double[] shifted, double[] out) {
        int k = knn.k();
        int base = i * k;
        double nearest = Double.POSITIVE_INFINITY;
        int m = 0;
        for (int j = 0; j < k; j++) {
            if (knn.indices()[base + j] != i) {
                double d = knn.distances()[base + j];
                shifted[m++] = d * d;
                nearest = Math.min(nearest, d * d);
            }
        }
        boolean allEqual = true;
        for (int j = 0; j < m; j++) {
            shifted[j] -= nearest;
            allEqual &= shifted[j] == 0;
        }
        double target = Math.log(perplexity);
        // start near the answer (openTSNE starts at 1; pixel distances put it near 1e-6, twenty
        // doublings away): the precision at which the mean shifted distance costs e^-1/2
        double mean = 0;
        for (int j = 0; j < m; j++) {
            mean += shifted[j];
        }
        double tau = mean > 0 ? m / mean : 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int step = 0; step < MAX_SEARCH_STEPS && !allEqual; step++) {
            sum = 0;
            double weighted = 0;
            for (int j = 0; j < m; j++) {
                double w = Math.exp(-0.5 * tau * shifted[j]);
                sum += w;
                weighted += w * shifted[j];
            }
            // H = −Σ p log p with p = w / sum and log w = −τ d²/2
            double entropy = 0.5 * tau * weighted / sum + Math.log(sum);
            double diff = entropy - target;
            if (Math.abs(diff) <= ENTROPY_TOLERANCE) {
                break;
            }
            if (diff > 0) {
                lo = tau;
                tau = hi == Double.POSITIVE_INFINITY ? tau * 2 : (tau + hi) * 0.5;
            } else {
                hi = tau;
                tau = lo == Double.NEGATIVE_INFINITY ? tau / 2 : (tau + lo) * 0.5;
            }
        }
        sum = 0;
        for (int j = 0; j < m; j++) {
            sum += allEqual ? 1 : Math.exp(-0.5 * tau * shifted[j]);
        }
        int at = 0;
        for (int j = 0; j < k; j++) {
            if (knn.indices()[base + j] == i) {
                out[base + j] = 0;
            } else {
                out[base + j] = (allEqual ? 1 : Math.exp(-0.5 * tau * shifted[at])) / sum;
                at++;
            }
        }
    }

    /** (P_{j|i} + P_{i|j}) / 2N in CSR form, entries of each row sorted by column. */
    static Affinities symmetric(KnnGraph knn, double[] conditional) {
        int n = knn.n();
        int k = knn.k();
        int[] indices = knn.indices();
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int c = indices[i * k + j];
                if (c != i) {
                    count[i + 1]++;
                    count[c + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, n);
        long[] keyed = new long[count[n]]; // column in the high half, position in conditional in the low
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int c = indices[i * k + j];
                if (c != i) {
                    keyed[fill[i]++] = ((long) c << 32) | (i * k + j);
                    keyed[fill[c]++] = ((long) i << 32) | (i * k + j);
                }
            }
        }
        int[] start = new int[n + 1];
        int[] columns = new int[count[n]];
        double[] values = new double[count[n]];
        double scale = 1.0 / (2.0 * n);
        int out = 0;
        for (int i = 0; i < n; i++) {
            start[i] = out;
            Arrays.sort(keyed, count[i], count[i + 1]);
            for (int e = count[i]; e < count[i + 1]; e++) {
                int c = (int) (keyed[e] >>> 32);
                double p = conditional[(int) keyed[e]];
                if (out > start[i] && columns[out - 1] == c) {
                    values[out - 1] += p * scale; // the pair seen from both ends: two terms, order-free
                } else {
                    columns[out] = c;
                    values[out] = p * scale;
                    out++;
                }
            }
        }
        start[n] = out;
        return new Affinities(n, start, Arrays.copyOf(columns, out), Arrays.copyOf(values, out));
    }
}
