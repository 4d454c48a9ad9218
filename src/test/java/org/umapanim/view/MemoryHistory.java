package org.umapanim.view;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.umapanim.common.EpochListener;
import org.umapanim.store.EpochHistory;
import org.umapanim.store.StepPhase;

/**
 * A made-up run held in memory: each class's points start scattered over the unit square and
 * gather, epoch by epoch, around the class's own spot.
 */
final class MemoryHistory implements EpochHistory {
    private final String[] labels;
    private final List<float[]> epochs = new ArrayList<>();
    private List<StepPhase> phases = List.of();

    /**
     * @param spots the (x, y) each class gathers at, by class index; point i is of class i mod the classes
     */
    MemoryHistory(String[] classNames, double[][] spots, int points, int lastEpoch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        labels = new String[points];
        float[] start = new float[2 * points];
        float[] end = new float[2 * points];
        for (int i = 0; i < points; i++) {
            int c = i % classNames.length;
            labels[i] = classNames[c];
            start[2 * i] = (float) random.nextDouble();
            start[2 * i + 1] = (float) random.nextDouble();
            end[2 * i] = (float) clamp(spots[c][0] + 0.04 * random.nextGaussian());
            end[2 * i + 1] = (float) clamp(spots[c][1] + 0.04 * random.nextGaussian());
        }
        for (int e = 0; e <= lastEpoch; e++) {
            float t = lastEpoch == 0 ? 1 : (float) e / lastEpoch;
            float[] xy = new float[2 * points];
            for (int j = 0; j < xy.length; j++) {
                xy[j] = start[j] + t * (end[j] - start[j]);
            }
            epochs.add(xy);
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** This run, its steps in {@code phases} (as a t-SNE run's footer records its early exaggeration). */
    MemoryHistory withPhases(List<StepPhase> phases) {
        this.phases = List.copyOf(phases);
        return this;
    }

    @Override
    public List<StepPhase> phases() {
        return phases;
    }

    float[] layout(int epoch) {
        return epochs.get(epoch);
    }

    @Override
    public int points() {
        return labels.length;
    }

    @Override
    public int lastEpoch() {
        return epochs.size() - 1;
    }

    @Override
    public String[] labels() {
        return labels.clone();
    }

    @Override
    public void forEachEpoch(EpochListener listener) {
        for (int e = 0; e < epochs.size(); e++) {
            listener.onEpoch(e, epochs.get(e).clone());
        }
    }
}
