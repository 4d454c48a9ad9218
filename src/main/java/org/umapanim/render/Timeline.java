package org.umapanim.render;

import java.util.Arrays;

/**
 * Which moment of the run each frame shows: a fractional epoch, 0 for the first frame and the last
 * epoch for the last. A frame between two drawn epochs shows the layout interpolated between them,
 * so the motion stays smooth where an epoch gets many frames.
 *
 * <p>Screen time is shared among the steps from one drawn epoch to the next. {@link Pace#EPOCHS}
 * gives every step the same; {@link Pace#MOTION} gives each in proportion to how far its points
 * move on average ({@link MotionProfile}), so the picture moves at one speed, but between a quarter
 * and sixteen times the even share. In the bundled run the mean step falls with the learning rate,
 * from 0.08 (in normalised units) at epoch 3 to 0.002 at epoch 199, and the very first step is
 * zero (like umap-learn, epoch 1 samples no edge yet): the floor keeps the last epochs, where the
 * steps would otherwise get a tenth of the even share, from flashing past, and the cap keeps a
 * single huge step from turning into a long linear slide. Over the default 8 s that shows epochs
 * 0–13 in the first second (the original's 201 frames at 30 fps: 0–30) and epochs 138–200 in the
 * last 0.9 s.
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
        if (timing.framePerEpoch() || keys.length == 1) {
            for (int f = 0; f < frames; f++) {
                epochs[f] = keys[Math.min(f, keys.length - 1)];
            }
            return new Timeline(epochs);
        }
        double[] time = timing.pace() == Pace.MOTION ? shares(steps) : even(keys.length - 1);
        double[] start = new double[time.length + 1];
        for (int i = 0; i < time.length; i++) {
            start[i + 1] = start[i] + time[i];
        }
        double total = start[time.length];
        int step = 0;
        for (int f = 0; f < frames; f++) {
            double t = total * f / (frames - 1);
            while (step < time.length - 1 && t > start[step + 1]) {
                step++;
            }
            double a = time[step] > 0 ? Math.min(1, Math.max(0, (t - start[step]) / time[step])) : 1;
            epochs[f] = keys[step] + a * (keys[step + 1] - keys[step]);
        }
        epochs[frames - 1] = lastEpoch;   // exactly, whatever the rounding
        return new Timeline(epochs);
    }

    private static double[] even(int n) {
        double[] time = new double[n];
        Arrays.fill(time, 1);
        return time;
    }

    /**
     * Time for each step, in units of the even share (they sum to the number of steps): in
     * proportion to the motion, clamped to [MIN_SHARE, MAX_SHARE], the proportion chosen by
     * bisection so that the clamped times fill the movie.
     */
    static double[] shares(double[] motion) {
        int n = motion.length;
        double least = Double.POSITIVE_INFINITY;
        for (double m : motion) {
            if (m > 0) {
                least = Math.min(least, m);
            }
        }
        if (least == Double.POSITIVE_INFINITY) {
            return even(n);
        }
        double lo = 0, hi = MAX_SHARE / least;   // at hi every moving step is at MAX_SHARE
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (total(motion, mid) < n) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] time = new double[n];
        double got = 0;
        for (int i = 0; i < n; i++) {
            time[i] = clamp(hi * motion[i]);
            got += time[i];
        }
        // when too few steps move to fill the movie even at the cap, stretch them all alike
        for (int i = 0; i < n; i++) {
            time[i] *= n / got;
        }
        return time;
    }

    private static double total(double[] motion, double lambda) {
        double t = 0;
        for (double m : motion) {
            t += clamp(lambda * m);
        }
        return t;
    }

    private static double clamp(double share) {
        return Math.max(MIN_SHARE, Math.min(MAX_SHARE, share));
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
