package org.umapanim.umap;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Quality measures of a 2-D layout, as scikit-learn computes them, so our numbers compare with
 * umap-learn's: trustworthiness (sklearn.manifold.trustworthiness) and the cross-validated
 * accuracy of a k-NN classifier on the layout (cross_val_score(KNeighborsClassifier(k),
 * cv=StratifiedKFold(folds, shuffle=True, random_state=seed))).
 */
public final class EmbeddingQuality {
    private EmbeddingQuality() {}

    /**
     * sklearn's trustworthiness: 1 − 2/(n k (2n − 3k − 1)) Σ_i Σ_{j ∈ N_k^layout(i)} max(0, r(i, j) − k),
     * with r(i, j) the rank of j among i's neighbours in the input space (1 = nearest).
     *
     * @param values row-major n × d input
     * @param layout x = layout[2i], y = layout[2i+1]
     */
    public static double trustworthiness(float[] values, int n, int d, float[] layout, int k) {
        if (k >= n / 2.0) {
            throw new IllegalArgumentException("k must be below n/2 for trustworthiness");
        }
        boolean integral = true; // pixel data: exact integer arithmetic, and twice as fast
        for (float v : values) {
            if (!(v == (int) v && Math.abs(v) <= 255f)) {
                integral = false;
                break;
            }
        }
        final boolean exactInts = integral;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += (double) values[i * d + c] * values[i * d + c];
            }
            norms[i] = s;
        }
        // transposed, so the inner loops below run over contiguous memory
        float[] columns = exactInts ? null : new float[n * d];
        int[] intColumns = exactInts ? new int[n * d] : null;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                if (exactInts) {
                    intColumns[c * n + i] = (int) values[i * d + c];
                } else {
                    columns[c * n + i] = values[i * d + c];
                }
            }
        }
        int block = 32;
        int blocks = (n + block - 1) / block;
        long penalty = IntStream.range(0, blocks).parallel().mapToLong(bi -> {
            int r0 = bi * block;
            int r1 = Math.min(n, r0 + block);
            double[] dot = new double[n];
            int[] intDot = exactInts ? new int[n] : null;
            double[] key = new double[n]; // |x_l|² − 2 x_i·x_l: orders l by distance from i
            long sum = 0;
            int[] nearest = new int[k];
            for (int i = r0; i < r1; i++) {
                if (exactInts) {
                    java.util.Arrays.fill(intDot, 0);
                    for (int c = 0; c < d; c++) {
                        int v = (int) values[i * d + c];
                        if (v != 0) {
                            int base = c * n;
                            for (int j = 0; j < n; j++) {
                                intDot[j] += v * intColumns[base + j];
                            }
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        key[j] = norms[j] - 2.0 * intDot[j];
                    }
                } else {
                    java.util.Arrays.fill(dot, 0);
                    for (int c = 0; c < d; c++) {
                        double v = values[i * d + c];
                        if (v != 0) {
                            int base = c * n;
                            for (int j = 0; j < n; j++) {
                                dot[j] += v * columns[base + j];
                            }
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        key[j] = norms[j] - 2.0 * dot[j];
                    }
                }
                layoutNeighbours(layout, n, i, k, nearest);
                for (int j : nearest) {
                    double kj = key[j];
                    int rank = 1;
                    for (int l = 0; l < n; l++) {
                        if (key[l] < kj) {
                            rank++;
                        }
                    }
                    if (key[i] < kj) {
                        rank--; // i itself is not its own neighbour
                    }
                    sum += Math.max(0, rank - k);
                }
            }
            return sum;
        }).sum();
        return 1.0 - penalty * (2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /** The k nearest other points of row i in the layout, brute force. */
    private static void layoutNeighbours(float[] layout, int n, int i, int k, int[] out) {
        double[] best = new double[k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(out, -1);
        double xi = layout[2 * i];
        double yi = layout[2 * i + 1];
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double dx = layout[2 * j] - xi;
            double dy = layout[2 * j + 1] - yi;
            double dist = dx * dx + dy * dy;
            if (dist < best[k - 1]) {
                int p = k - 1;
                while (p > 0 && best[p - 1] > dist) {
                    best[p] = best[p - 1];
                    out[p] = out[p - 1];
                    p--;
                }
                best[p] = dist;
                out[p] = j;
            }
        }
    }

    /**
     * Mean accuracy over stratified folds of a k-NN majority-vote classifier trained on the
     * other folds' layout points (ties go to the smallest label, as sklearn's mode does).
     */
    public static double knnAccuracy(float[] layout, int[] labels, int k, int folds, long seed) {
        int n = labels.length;
        int[] fold = stratifiedFolds(labels, folds, seed);
        int maxLabel = IntStream.of(labels).max().orElse(0);
        double total = 0;
        for (int f = 0; f < folds; f++) {
            int fixedF = f;
            int[] train = IntStream.range(0, n).filter(i -> fold[i] != fixedF).toArray();
            int[] test = IntStream.range(0, n).filter(i -> fold[i] == fixedF).toArray();
            long correct = IntStream.of(test).parallel().filter(i -> {
                double[] best = new double[k];
                int[] who = new int[k];
                java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
                for (int j : train) {
                    double dx = layout[2 * j] - layout[2 * i];
                    double dy = layout[2 * j + 1] - layout[2 * i + 1];
                    double dist = dx * dx + dy * dy;
                    if (dist < best[k - 1]) {
                        int p = k - 1;
                        while (p > 0 && best[p - 1] > dist) {
                            best[p] = best[p - 1];
                            who[p] = who[p - 1];
                            p--;
                        }
                        best[p] = dist;
                        who[p] = j;
                    }
                }
                int[] votes = new int[maxLabel + 1];
                for (int w : who) {
                    votes[labels[w]]++;
                }
                int vote = 0;
                for (int c = 1; c <= maxLabel; c++) {
                    if (votes[c] > votes[vote]) {
                        vote = c;
                    }
                }
                return vote == labels[i];
            }).count();
            total += correct / (double) test.length;
        }
        return total / folds;
    }

    /** Each class shuffled with the seed and dealt round-robin onto the folds, so every fold keeps the class mix. */
    static int[] stratifiedFolds(int[] labels, int folds, long seed) {
        int n = labels.length;
        int maxLabel = IntStream.of(labels).max().orElse(0);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c <= maxLabel; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random rnd = new Random(seed);
        int[] fold = new int[n];
        int next = 0;
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, rnd);
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }
}
