package org.umapanim.quality;

/**
 * The measures of one epoch's layout (design §10); NaN where a measure does not apply.
 *
 * @param epoch                 0 = the initial layout, k = after k epochs
 * @param trustworthiness       sklearn's trustworthiness at k = 15, in [0, 1]
 * @param neighbourPreservation mean fraction of the 15 nearest input-space neighbours that are
 *                              among the 15 nearest in the layout, in [0, 1]
 * @param labelAccuracy         10-NN majority-vote accuracy in the layout, leave-one-out, in [0, 1];
 *                              NaN for unlabelled data
 * @param motionMedian          median displacement since the previous epoch, in the stored
 *                              (normalised) units of epochs.parquet; NaN at epoch 0
 * @param motionP95             95th percentile of the same
 * @param lossAttraction        attractive part of the fuzzy cross-entropy, Σ_edges −w·log v; NaN
 *                              when the reducer handed out no objective
 * @param lossRepulsion         repulsive part, Σ_edges −(1−w)·log(1−v) + Σ_non-edges −log(1−v)
 */
public record EpochMeasures(int epoch, double trustworthiness, double neighbourPreservation, double labelAccuracy,
                            double motionMedian, double motionP95, double lossAttraction, double lossRepulsion) {

    /** The fuzzy cross-entropy, attraction plus repulsion. */
    public double loss() {
        return lossAttraction + lossRepulsion;
    }
}
