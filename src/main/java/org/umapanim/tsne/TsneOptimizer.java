package org.umapanim.tsne;

import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.knn.Workers;

/**
 * t-SNE's gradient descent on a 2-D layout, as openTSNE ≥ 0.7 runs it (its
 * {@code gradient_descent}, one optimiser state kept across both phases): the gradient
 * ρ Σ_j p_ij K_ij (y_i − y_j) − Σ_j K_ij² (y_i − y_j) / Z (no factor 4), per-coordinate gains
 * (+0.2 where the gradient's sign differs from the last step's, else ×0.8 + 0.01, openTSNE's
 * form of the 0.01 floor), momentum, each point's step capped at a norm of 5, and the layout
 * re-centred on its mean after every step.
 *
 * <p>The layout is kept in doubles: it starts at a standard deviation of 1e-4 and grows to
 * tens, the steps late in the run are small beside the coordinates, and the repulsion's
 * interpolation sums n charges per node; floats would lose those digits. It is handed out as
 * floats. Every pass works on fixed blocks of points and sums their partial results in block
 * order, so the layouts are the same bit for bit on any number of threads.
 */
public final class TsneOptimizer {
    /**
     * Below this many points the exact O(n²) repulsion is cheaper over a whole default run than
     * the interpolation, whose grid has a floor and grows with the layout's span, not with n.
     * Measured on one thread (process CPU per iteration, bundled digits, bench/TsneBench): exact
     * 2.3 ms at 1,000 points, 7.7 ms at 2,000, 27 ms at 4,000; interpolation 7–10 ms at the
     * 50-interval floor (early exaggeration) whatever n, but 41–58 ms per call once the layout
     * spans 90–150, as runs of a few thousand points do after exaggeration. Over 250 + 500
     * iterations the two cost about the same at 4,000 points.
     */
    public static final int EXACT_BELOW = 4000;
    private static final double EPSILON = Math.ulp(1.0);
    private static final int BLOCK = 1024;
    private static final double GAIN_UP = 0.2;
    private static final double GAIN_DECAY = 0.8;
    private static final double MIN_GAIN = 0.01;

    private final Affinities p;
    private final TsneSchedule schedule;
    private final Workers workers;
    private final Repulsion repulsion;
    private final int n;
    private final double[] y;
    private final double[] repulsive;
    private final double[] gradient;
    private final double[] update;
    private final double[] gains;
    private final float[] out;
    private final double[] blockA;
    private final double[] blockB;
    private final double entropyTerm;
    /** The attraction part of the last loss computed. */
    private double attraction;
    /** log Z of the last loss computed. */
    private double logZ;

    /** As {@link #TsneOptimizer(Affinities, TsneSchedule, Workers, boolean)}, the repulsion chosen by size. */
    public TsneOptimizer(Affinities p, TsneSchedule schedule, Workers workers) {
        this(p, schedule, workers, p.n() < EXACT_BELOW);
    }

    /** @param exact the O(n²) repulsion instead of the interpolation */
    public TsneOptimizer(Affinities p, TsneSchedule schedule, Workers workers, boolean exact) {
        this.p = p;
        this.schedule = schedule;
        this.workers = workers;
        this.n = p.n();
        this.repulsion = exact ? new ExactRepulsion(n, workers) : new FftRepulsion(n, workers);
        this.y = new double[2 * n];
        this.repulsive = new double[2 * n];
        this.gradient = new double[2 * n];
        this.update = new double[2 * n];
        this.gains = new double[2 * n];
        this.out = new float[2 * n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        this.blockA = new double[blocks];
        this.blockB = new double[blocks];
        this.entropyTerm = sumPLogP();
    }

    /**
     * Runs the schedule from {@code start}, reporting the start as iteration 0 and the layout
     * after each iteration to {@code layouts}, and, if {@code losses} is not null, the KL
     * divergence of each layout (0 … iterations) to {@code losses}, just before the layout
     * itself: the gradient at a layout, which the next step needs, is computed as soon as the
     * layout is, and the loss comes from the same pass (the last one costs a pass of its own).
     *
     * @param start x = start[2i], y = start[2i+1], typically of standard deviation 1e-4
     * @return the final layout
     */
    public float[] run(float[] start, EpochListener layouts, LossListener losses, Progress progress) {
        if (start.length != 2 * n) {
            throw new IllegalArgumentException("start must hold 2n = " + 2 * n + " coordinates");
        }
        load(start);
        java.util.Arrays.fill(update, 0);
        java.util.Arrays.fill(gains, 1);
        int iterations = schedule.iterations();
        boolean loss = losses != null;
        if (iterations > 0 || loss) {
            report(0, gradient(schedule.exaggerationAt(0), loss), losses);
        }
        layouts.onEpoch(0, publish());
        try (Progress.Task task = progress.start("iterations", iterations)) {
            for (int t = 0; t < iterations; t++) {
                step(schedule.learningRateAt(t, n), schedule.momentum(), schedule.maxStepNorm());
                if (t + 1 < iterations || loss) {
                    report(t + 1, gradient(schedule.exaggerationAt(t + 1), loss), losses);
                }
                layouts.onEpoch(t + 1, publish());
                task.step();
            }
        }
        return out.clone();
    }

    private void report(int iteration, double kl, LossListener losses) {
        if (losses != null) {
            losses.onLoss(iteration, attraction, logZ);
        }
    }

    /** KL(P‖Q) of {@code layout}, for tests. */
    double klDivergence(float[] layout) {
        load(layout);
        return gradient(1, true);
    }

    /** The gradient at {@code layout} and exaggeration ρ, for tests. */
    double[] gradientAt(float[] layout, double exaggeration) {
        load(layout);
        gradient(exaggeration, false);
        return gradient.clone();
    }

    private void load(float[] layout) {
        for (int i = 0; i < 2 * n; i++) {
            y[i] = layout[i];
        }
    }

    /** The gradient at ρ into {@link #gradient}; returns KL(P‖Q) if asked (else NaN). */
    double gradient(double exaggeration, boolean loss) {
        double z = repulsion.forces(y, repulsive);
        double inverseZ = 1.0 / (z + EPSILON);
        int[] start = p.rowStart();
        int[] columns = p.columns();
        double[] values = p.values();
        workers.forBlocks(n, BLOCK, (from, to) -> {
            double logTerm = 0;
            for (int i = from; i < to; i++) {
                double xi = y[2 * i];
                double yi = y[2 * i + 1];
                double ax = 0;
                double ay = 0;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = columns[e];
                    double dx = xi - y[2 * j];
                    double dy = yi - y[2 * j + 1];
                    double d2 = dx * dx + dy * dy;
                    double pk = values[e] / (1 + d2);
                    ax += pk * dx;
                    ay += pk * dy;
                    if (loss) {
                        logTerm += values[e] * Math.log(1 + d2); // log, not log1p: 10 ns against 17 (1M calls, loaded machine), and d² ≥ 0
                    }
                }
                gradient[2 * i] = exaggeration * ax - repulsive[2 * i] * inverseZ;
                gradient[2 * i + 1] = exaggeration * ay - repulsive[2 * i + 1] * inverseZ;
            }
            blockA[from / BLOCK] = logTerm;
        });
        if (!loss) {
            return Double.NaN;
        }
        // KL = Σ p log p − Σ p log K + log Z, with Σ p = 1 and −log K = log(1 + d²)
        attraction = entropyTerm + ordered(blockA);
        logZ = Math.log(z);
        return attraction + logZ;
    }

    /** One step of the descent from {@link #gradient}, then the layout re-centred. */
    private void step(double learningRate, double momentum, double maxStepNorm) {
        workers.forBlocks(n, BLOCK, (from, to) -> {
            double sx = 0;
            double sy = 0;
            for (int i = from; i < to; i++) {
                double ux = 0;
                double uy = 0;
                for (int c = 0; c < 2; c++) {
                    int at = 2 * i + c;
                    double g = gradient[at];
                    if (Math.signum(update[at]) != Math.signum(g)) {
                        gains[at] += GAIN_UP;
                    } else {
                        gains[at] = gains[at] * GAIN_DECAY + MIN_GAIN;
                    }
                    double u = momentum * update[at] - learningRate * gains[at] * g;
                    if (c == 0) {
                        ux = u;
                    } else {
                        uy = u;
                    }
                }
                double norm = Math.sqrt(ux * ux + uy * uy);
                if (norm > maxStepNorm) {
                    ux *= maxStepNorm / norm;
                    uy *= maxStepNorm / norm;
                }
                update[2 * i] = ux;
                update[2 * i + 1] = uy;
                y[2 * i] += ux;
                y[2 * i + 1] += uy;
                sx += y[2 * i];
                sy += y[2 * i + 1];
            }
            blockA[from / BLOCK] = sx;
            blockB[from / BLOCK] = sy;
        });
        double mx = ordered(blockA) / n;
        double my = ordered(blockB) / n;
        workers.forBlocks(n, BLOCK, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[2 * i] -= mx;
                y[2 * i + 1] -= my;
            }
        });
    }

    private float[] publish() {
        for (int i = 0; i < 2 * n; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    private double sumPLogP() {
        double s = 0;
        for (double v : p.values()) {
            if (v > 0) {
                s += v * Math.log(v);
            }
        }
        return s;
    }

    private static double ordered(double[] parts) {
        double s = 0;
        for (double v : parts) {
            s += v;
        }
        return s;
    }
}
