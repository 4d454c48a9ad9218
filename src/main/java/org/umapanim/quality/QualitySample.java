package org.umapanim.quality;

import java.util.SplittableRandom;

/**
 * The points the measures look at: one seeded random order of all points, of which the first
 * {@link #highD} are measured against their high-dimensional neighbours (trustworthiness,
 * neighbour preservation) and the first {@link #planar} on the layout alone (label accuracy,
 * motion), and at the last epoch the first {@link #last} for the label accuracy, the figure people
 * quote. Every sampled point is measured against all points, so each measure is an unbiased
 * estimate of its value over the whole data set; below the sample sizes it is that value.
 *
 * <p>Sizes, measured on the bundled 10,000 digits: the trustworthiness estimate has a standard
 * error of 0.0018 from 1,000 points and 0.0025 from 500, which is plenty for a measure compared
 * to 0.01, while the input-space side (one-off distances, a rank lookup per layout neighbour)
 * was 60 % of the measures' time at 1,000. 10-NN accuracy is a proportion near 0.93, whose
 * standard error is 0.0075 at 1,000 points: enough to follow it epoch by epoch. The last epoch's,
 * the figure people quote, is measured on 50,000 points (every point up to that): a standard error
 * of at most 0.0023 whatever the accuracy (0.0019 at Fashion-MNIST's 0.78), so the final figure is
 * within 0.01 of the full computation, where 10,000 points would leave 0.0041 at 0.78 (0.01 only
 * 2.4 standard errors). It costs one pass of 50,000 nearest-neighbour queries in the plane, a
 * quarter of what the 200 epochs' 1,000 queries each take. The sizes hold for any number of points:
 * beyond 33,554 the input-space ranks are sketched
 * ({@link InputNeighbours}) rather than the sample cut.
 */
record QualitySample(int[] order, int highD, int planar, int last) {
    static final int HIGH_D = 500;
    static final int PLANAR = 1_000;
    static final int LAST = 50_000;

    /** The sample of {@code n} points drawn with {@code seed}. */
    static QualitySample of(int n, long seed) {
        int last = Math.min(n, LAST);
        int planar = Math.min(last, PLANAR);
        int highD = Math.min(planar, HIGH_D);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        // the first `last` steps of a Fisher–Yates shuffle: a uniform random ordered sample, whose
        // first `planar` are the same as when fewer are drawn
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < last; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return new QualitySample(java.util.Arrays.copyOf(all, last), highD, planar, last);
    }

    int point(int q) {
        return order[q];
    }
}
