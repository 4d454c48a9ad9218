package org.umapanim.knn;

import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;

/** The first rows of the bundled MNIST digits (shuffled, so a fair mix), with integer labels. */
public record MnistSample(float[] values, int[] labels, int n, int d) {
    public static MnistSample load(int limit) {
        Dataset digits = DatasetReader.bundled(limit);
        int[] labels = new int[digits.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Integer.parseInt(digits.labels()[i]);
        }
        return new MnistSample(digits.values(), labels, digits.rows(), digits.cols());
    }
}
