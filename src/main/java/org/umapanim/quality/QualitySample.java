package org.umapanim.quality;

import java.util.SplittableRandom;

/**
 * The points the measures look at: one seeded random order of all points, of which the first
 * {@link #highD} are measured against their high-dimensional neighbours (trustworthiness,
 * neighbour preservation) and the first {@link #planar} on the layout alone (label accuracy,
 * motion). Every sampled point is measured against all points, so each measure is an unbiased
 * estimate of its value over the whole data set; below the sample sizes it is that value.
 *
 * <p>Sizes, measured on the bundled 10,000 digits: the trustworthiness estimate has a standard
 * error of 0.0018 from 1,000 points and 0.0025 from 500, which is plenty for a measure compared
 * to 0.01, while the input-space side (one-off distances, a rank lookup per layout neighbour)
 * was 60 % of the measures' time at 1,000. 10-NN accuracy is a proportion near 0.93, whose
 * standard error is 0.0075 at 1,000 points and 0.0056 at 2,000 (the final layout's estimates
 * from six seeds' samples of 2,000 were within 0.007 of the full 0.931), hence the larger sample
 * for the measures that need no input-space distances; 3,000 cost half as much again. The sizes
 * hold for any number of points: beyond 33,554 the input-space ranks are sketched
 * ({@link InputNeighbours}) rather than the sample cut.
 */
record QualitySample(int[] order, int highD, int planar) {
    static final int HIGH_D = 500;
    static final int PLANAR = 2_000;

    /** The sample of {@code n} points drawn with {@code seed}. */
    static QualitySample of(int n, long seed) {
        int planar = Math.min(n, PLANAR);
        int highD = Math.min(planar, HIGH_D);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        // the first `planar` steps of a Fisher–Yates shuffle: a uniform random ordered sample
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < planar; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return new QualitySample(java.util.Arrays.copyOf(all, planar), highD, planar);
    }

    int point(int q) {
        return order[q];
    }
}
