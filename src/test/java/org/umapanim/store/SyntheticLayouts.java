package org.umapanim.store;

import java.util.SplittableRandom;

/**
 * Embedding-like fake runs: a random initial layout in [0,10]², then every point drifts smoothly
 * towards a spot in its class's cluster, with jitter that dies down as the epochs go — the shape
 * of a UMAP run, without UMAP.
 */
final class SyntheticLayouts {
    final int points;
    final String[] labels;
    private final float[] layout;
    private final float[] targets;
    private final SplittableRandom random;
    private final int nEpochs;
    private int epoch;

    SyntheticLayouts(int points, int nEpochs, long seed) {
        this.points = points;
        this.nEpochs = nEpochs;
        this.random = new SplittableRandom(seed);
        this.labels = new String[points];
        this.layout = new float[2 * points];
        this.targets = new float[2 * points];
        double[] centres = new double[20];
        for (int c = 0; c < 20; c++) {
            centres[c] = -5 + 20 * random.nextDouble();
        }
        for (int i = 0; i < points; i++) {
            int c = random.nextInt(10);
            labels[i] = Integer.toString(c);
            layout[2 * i] = (float) (10 * random.nextDouble());
            layout[2 * i + 1] = (float) (10 * random.nextDouble());
            targets[2 * i] = (float) (centres[2 * c] + 0.8 * gaussian());
            targets[2 * i + 1] = (float) (centres[2 * c + 1] + 0.8 * gaussian());
        }
    }

    /** The live layout of the current epoch (the caller must copy it, as with the engine). */
    float[] layout() {
        return layout;
    }

    int epoch() {
        return epoch;
    }

    /** Moves every point one epoch on. */
    void step() {
        epoch++;
        double alpha = 1 - (double) epoch / (nEpochs + 1);
        for (int k = 0; k < layout.length; k++) {
            layout[k] += (float) (0.05 * (targets[k] - layout[k]) + 0.05 * alpha * gaussian());
        }
    }

    /** Feeds epochs 0 … nEpochs to the writer. */
    void run(EpochsWriter writer) {
        writer.onEpoch(0, layout);
        while (epoch < nEpochs) {
            step();
            writer.onEpoch(epoch, layout);
        }
    }

    /** Feeds epochs 0 … nEpochs to the writer and returns a copy of every layout it was given. */
    float[][] runRecorded(EpochsWriter writer) {
        float[][] history = new float[nEpochs + 1][];
        history[0] = layout.clone();
        writer.onEpoch(0, layout);
        while (epoch < nEpochs) {
            step();
            history[epoch] = layout.clone();
            writer.onEpoch(epoch, layout);
        }
        return history;
    }

    private double gaussian() {
        // Box-Muller is enough for test data, and SplittableRandom has no nextGaussian in Java 17
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
