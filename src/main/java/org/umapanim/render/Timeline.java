package org.umapanim.render;

import java.util.Arrays;

/**
 * Which moment of the run each frame shows: a fractional epoch, 0 for the first frame and the last
 * epoch for the last. Every drawn epoch is shown exactly by a frame of its own; the frames a step
 * (from one drawn epoch to the next) gets beyond that one show the layout interpolated between the
 * two, evenly spaced, so the motion stays smooth where an epoch gets many frames.
 *
 * <p>The frames are shared among the steps in whole numbers, at least one each. {@link Pace#EPOCHS}
 * gives every step the same; {@link Pace#MOTION} gives each in proportion to how far its points move
 * on average ({@link MotionProfile}), so the picture moves at one speed, but between
 * max(1, a quarter of the even share) and sixteen times the even share. In the bundled run the mean
 * step falls with the learning rate, from 0.08 (in normalised units) at epoch 3 to 0.002 at epoch
 * 199, and the very first step is zero (like umap-learn, epoch 1 samples no edge yet): the floor
 * keeps the last epochs, where the steps would otherwise get a tenth of the even share, from
 * flashing past (and never lets an epoch go without its frame), and the cap keeps a single huge
 * step from turning into a long linear slide.
 */
final class Timeline {
    static final double MIN_SHARE = 0.25;
    static final double MAX_SHARE = 16;

    private final double[] epochs;

    private Timeline(double[] epochs) {
        this.epochs = epochs;
    }

    /**
     * @param keys  the drawn epochs, increasing, from 0
     * @param steps how far the points move from each drawn epoch to the next (keys.length - 1
     *              values), for motion pacing; may be null for epochs pacing
     */
    static Timeline plan(Timing timing, int lastEpoch, int[] keys, double[] steps) {
        int frames = timing.frames(lastEpoch);
        double[] epochs = new double[frames];
        if (keys.length == 1) {
            Arrays.fill(epochs, keys[0]);
            return new Timeline(epochs);
        }
        int n = keys.length - 1;
        int[] count = frameCounts(timing.pace() == Pace.MOTION ? steps : even(n), frames - 1);
        int f = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < count[k]; j++) {
                // j = 0 is the drawn epoch itself, exactly
                epochs[f++] = j == 0 ? keys[k] : keys[k] + (double) j * (keys[k + 1] - keys[k]) / count[k];
            }
        }
        epochs[f] = keys[n];
        return new Timeline(epochs);
    }

    private static double[] even(int n) {
        double[] time = new double[n];
        Arrays.fill(time, 1);
        return time;
    }

    /**
     * Frames for each step, {@code total} in all ({@code total} ≥ the number of steps), each the
     * step's first frame and the frames interpolated after it: {@link #shares} rounded to whole
     * frames by the largest remainders (ties to the earlier step), never below one.
     */
    static int[] frameCounts(double[] motion, int total) {
        int n = motion.length;
        if (total < n) {
            throw new IllegalArgumentException(total + " frames for " + n + " steps");
        }
        double[] share = shares(motion, total);
        int[] count = new int[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            count[i] = Math.max(1, (int) Math.floor(share[i]));
            given += count[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // the largest remainders first; a stable sort keeps ties in step order
        Arrays.sort(order, (a, b) -> Double.compare(share[b] - count[b], share[a] - count[a]));
        for (int r = 0; given < total; r = (r + 1) % n) {
            count[order[r]]++;
            given++;
        }
        for (int r = n - 1; given > total; r = (r + n - 1) % n) {
            // only when the floor of one frame rounded a share up: taken back where most is left
            int i = order[r];
            if (count[i] > 1) {
                count[i]--;
                given--;
            }
        }
        return count;
    }

    /**
     * Frames for each step, fractional, summing to {@code total}: in proportion to the motion,
     * clamped to [max(1, MIN_SHARE × even), MAX_SHARE × even], the proportion chosen by bisection
     * so that the clamped shares make up the total.
     */
    static double[] shares(double[] motion, int total) {
        int n = motion.length;
        double evenShare = (double) total / n;
        double floor = Math.max(1, MIN_SHARE * evenShare);
        double cap = Math.max(floor, MAX_SHARE * evenShare);
        double least = Double.POSITIVE_INFINITY;
        for (double m : motion) {
            if (m > 0) {
                least = Math.min(least, m);
            }
        }
        if (least == Double.POSITIVE_INFINITY) {
            return scaled(even(n), total);
        }
        double lo = 0, hi = cap / least;   // at hi every moving step is at the cap
        if (sum(motion, hi, floor, cap) < total) {
            // too few steps move to fill the movie even at the cap: in proportion, uncapped
            cap = Double.POSITIVE_INFINITY;
            hi = total / least;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (sum(motion, mid, floor, cap) < total) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            share[i] = clamp(hi * motion[i], floor, cap);
        }
        return scaled(share, total);
    }

    private static double[] scaled(double[] share, double total) {
        double got = 0;
        for (double s : share) {
            got += s;
        }
        for (int i = 0; i < share.length; i++) {
            share[i] *= total / got;
        }
        return share;
    }

    private static double sum(double[] motion, double lambda, double floor, double cap) {
        double t = 0;
        for (double m : motion) {
            t += clamp(lambda * m, floor, cap);
        }
        return t;
    }

    private static double clamp(double share, double floor, double cap) {
        return Math.max(floor, Math.min(cap, share));
    }

    /**
     * The timeline that shows {@code epochs[f]} at frame {@code f}: one run's share of a
     * comparison, whose frames are planned by progress over all its runs.
     */
    static Timeline of(double[] epochs) {
        return new Timeline(epochs.clone());
    }

    int frames() {
        return epochs.length;
    }

    /** The fractional epoch frame {@code f} shows. */
    double epoch(int f) {
        return epochs[f];
    }
}
