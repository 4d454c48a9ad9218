package org.umapanim.knn;

/** Labelled Gaussian blobs for tests: centres spread in d dimensions, unit-variance points around them. */
public record Blobs(float[] values, int[] labels, int n, int d) {
    public static Blobs make(int perBlob, int blobs, int d, double centreSpread, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[][] centres = new double[blobs][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = rnd.nextGaussian() * centreSpread;
            }
        }
        int n = perBlob * blobs;
        float[] values = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int blob = i % blobs;
            labels[i] = blob;
            for (int j = 0; j < d; j++) {
                values[i * d + j] = (float) (centres[blob][j] + rnd.nextGaussian());
            }
        }
        return new Blobs(values, labels, n, d);
    }
}
