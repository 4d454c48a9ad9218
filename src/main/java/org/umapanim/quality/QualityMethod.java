package org.umapanim.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the measures of a run were taken: sample sizes, neighbourhood sizes and the loss's sample,
 * with {@link #describe()} saying it in words for a file's footer.
 *
 * @param points         points in the layout
 * @param highDSample    sampled points measured against their input-space neighbours
 * @param ranks          how their input-space ranks were found ({@link InputNeighbours#rankMethod()})
 * @param planarSample   sampled points measured in the layout alone (accuracy, motion)
 * @param lastSample     sampled points of the last epoch's label accuracy (at least planarSample)
 * @param k              neighbourhood of trustworthiness and preservation (15, fewer for tiny data)
 * @param votes          neighbours voting for the label accuracy (10, fewer for tiny data)
 * @param labelled       whether label accuracy was measured
 * @param seed           draws the samples
 * @param loss           how the reducer's loss was estimated ({@code ObjectiveEstimate.describe()}),
 *                       empty without an objective
 */
public record QualityMethod(int points, int highDSample, String ranks, int planarSample, int lastSample, int k,
                            int votes,
                            boolean labelled, long seed, Map<String, String> loss) {
    public QualityMethod {
        loss = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(loss));
    }

    /** Key → how the measure is computed, in words; plus the numbers as their own keys. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sample_size", Integer.toString(highDSample));
        m.put("planar_sample_size", Integer.toString(planarSample));
        m.put("last_epoch_sample_size", Integer.toString(lastSample));
        m.put("sample_seed", Long.toString(seed));
        m.put("k", Integer.toString(k));
        m.put("trustworthiness", String.format("sklearn.manifold.trustworthiness with k = %d, estimated from %d "
                + "seeded sample points, each against all %d points (ranks among all points in the input space, "
                + "%s; the normaliser 2/(n k (2n - 3k - 1)) uses all points, the sum is scaled by n/m); "
                + "exact when the sample is every point", k, highDSample, points, ranks));
        m.put("neighbour_preservation", String.format("mean over the same %d sample points of |kNN_input ∩ kNN_layout|"
                + " / k, k = %d, neighbours among all points, input-space neighbours exact (squared euclidean)",
                highDSample, k));
        m.put("label_accuracy", labelled
                ? String.format("%d-NN majority vote in the layout (ties to the first class in sorted order), "
                        + "leave-one-out, for %d seeded sample points against all points; at the last epoch for %s",
                        votes, planarSample, lastSample == points ? "every point (exact)"
                                : "the first " + lastSample + " of the same seeded order")
                : "not measured: the data has no labels");
        m.put("motion", String.format("median and 95th percentile (linear interpolation) of the displacement of %d "
                + "seeded sample points since the previous epoch, in the stored units of epochs.parquet: raw "
                + "displacements measured during the run, converted with the normalisation's final scale; "
                + "null at epoch 0", planarSample));
        if (loss.isEmpty()) {
            m.put("loss", "not measured: the reducer handed out no objective");
        } else {
            m.putAll(loss);
        }
        return m;
    }
}
