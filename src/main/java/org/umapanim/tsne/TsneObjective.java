package org.umapanim.tsne;

import java.util.Arrays;
import java.util.Map;
import org.umapanim.knn.Workers;
import org.umapanim.reduce.Objective;
import org.umapanim.reduce.ObjectiveEstimate;

/**
 * t-SNE's objective, KL(P‖Q), for the measures. During a fit the optimiser computes it exactly in
 * the pass that computes Z, the gradient's normalisation ({@link #onLoss}, then
 * {@link #onLayout}); asked about that very layout the estimate returns it. Asked about any other
 * layout it computes the attraction exactly over the sparse P and estimates Z from a fixed sample
 * of pairs.
 */
final class TsneObjective implements Objective, LossListener {
    /** Pairs the fallback estimate of Z samples. */
    private static final int PAIRS = 1 << 16;
    private static final int BLOCK = 1024;

    private final Affinities p;
    private int lossStep = -1;
    private double attraction;
    private double repulsion;
    private int layoutStep = -2;
    private float[] layout;

    TsneObjective(Affinities p) {
        this.p = p;
    }

    @Override
    public int points() {
        return p.n();
    }

    @Override
    public void onLoss(int iteration, double attraction, double repulsion) {
        this.lossStep = iteration;
        this.attraction = attraction;
        this.repulsion = repulsion;
    }

    /** The layout the optimiser hands out as {@code step}, just after its loss. */
    void onLayout(int step, float[] xy) {
        layoutStep = step;
        layout = xy;
    }

    @Override
    public ObjectiveEstimate estimate(long seed) {
        int n = p.n();
        int[] first = new int[PAIRS];
        int[] second = new int[PAIRS];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int s = 0; s < PAIRS; s++) {
            first[s] = rng.nextInt(n);
            int j = rng.nextInt(n - 1);
            second[s] = j >= first[s] ? j + 1 : j;
        }
        return new ObjectiveEstimate() {
            @Override
            public Loss at(float[] xy, Workers workers) {
                if (lossStep == layoutStep && (xy == layout || Arrays.equals(xy, layout))) {
                    return new Loss(attraction, repulsion);
                }
                return new Loss(exactAttraction(xy, workers), Math.log(sampledZ(xy, first, second, workers)));
            }

            @Override
            public Map<String, String> describe() {
                return Map.of("loss", "KL(P‖Q), exact: attraction Σ p log(p (1 + d²)) over P, repulsion log Z from the"
                        + " optimiser's pass (Z estimated from " + PAIRS + " sampled pairs for other layouts)",
                        "loss.pairs", Integer.toString(PAIRS));
            }
        };
    }

    private double exactAttraction(float[] xy, Workers workers) {
        int n = p.n();
        double[] parts = new double[(n + BLOCK - 1) / BLOCK];
        workers.forBlocks(n, BLOCK, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                    int j = p.columns()[e];
                    double dx = xy[2 * i] - xy[2 * j];
                    double dy = xy[2 * i + 1] - xy[2 * j + 1];
                    double v = p.values()[e];
                    if (v > 0) {
                        s += v * Math.log(v * (1 + dx * dx + dy * dy));
                    }
                }
            }
            parts[from / BLOCK] = s;
        });
        double s = 0;
        for (double v : parts) {
            s += v;
        }
        return s;
    }

    private double sampledZ(float[] xy, int[] first, int[] second, Workers workers) {
        double[] parts = new double[(PAIRS + BLOCK - 1) / BLOCK];
        workers.forBlocks(PAIRS, BLOCK, (from, to) -> {
            double s = 0;
            for (int q = from; q < to; q++) {
                double dx = xy[2 * first[q]] - xy[2 * second[q]];
                double dy = xy[2 * first[q] + 1] - xy[2 * second[q] + 1];
                s += 1 / (1 + dx * dx + dy * dy);
            }
            parts[from / BLOCK] = s;
        });
        double s = 0;
        for (double v : parts) {
            s += v;
        }
        double n = p.n();
        return s / PAIRS * n * (n - 1);
    }
}
