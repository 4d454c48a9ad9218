package org.umapanim.tsne;

/**
 * The gradient descent's knobs, openTSNE ≥ 0.7's by default ({@link #DEFAULTS}): early
 * exaggeration 12 for the first 250 of 750 iterations, then exaggeration 1; learning rate
 * N / exaggeration in each phase (Belkina et al. 2019) unless fixed; momentum 0.8 throughout;
 * each point's step capped at norm 5.
 *
 * @param iterations             iterations in all, the early ones included
 * @param earlyExaggeration      ρ during the first {@code earlyIterations}
 * @param earlyIterations        iterations at {@code earlyExaggeration}
 * @param exaggeration           ρ after them
 * @param learningRate           the step's scale; {@link #AUTO} for N / ρ in each phase
 * @param momentum               weight of the previous step
 * @param maxStepNorm            cap on the length of one point's step
 */
public record TsneSchedule(int iterations, double earlyExaggeration, int earlyIterations, double exaggeration,
        double learningRate, double momentum, double maxStepNorm) {

    /** The learning rate that means N / exaggeration. */
    public static final double AUTO = 0;

    public static final TsneSchedule DEFAULTS = new TsneSchedule(750, 12, 250, 1, AUTO, 0.8, 5);

    public TsneSchedule {
        if (iterations < 0 || earlyIterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative");
        }
        if (!(earlyExaggeration > 0) || !(exaggeration > 0)) {
            throw new IllegalArgumentException("exaggeration must be positive");
        }
        if (!(learningRate >= 0) || !(momentum >= 0 && momentum < 1) || !(maxStepNorm > 0)) {
            throw new IllegalArgumentException("learning rate ≥ 0, momentum in [0, 1), step cap > 0");
        }
    }

    /** ρ at iteration t (0-based). */
    public double exaggerationAt(int t) {
        return t < earlyIterations ? earlyExaggeration : exaggeration;
    }

    /** The learning rate at iteration t (0-based) for n points. */
    public double learningRateAt(int t, int n) {
        return learningRate == AUTO ? n / exaggerationAt(t) : learningRate;
    }
}
