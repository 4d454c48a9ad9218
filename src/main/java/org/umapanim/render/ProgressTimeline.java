package org.umapanim.render;

/**
 * Which moment of a comparison each frame shows, as progress p ∈ [0,1]: the fraction of every
 * run's steps done, so runs of 200 and 750 steps start and settle together (run r shows step
 * p·last_r). The frames are planned as one run's are ({@link Timeline}) over a grid of even steps
 * of progress, each moving as much as the run that moves most over that stretch: as many steps as
 * the longest run has, but no more than the movie has frames, since {@link Timeline} gives every
 * step a frame of its own (a 750-iteration t-SNE would otherwise make a 25-second movie of an
 * 8-second one). With {@code --pace epochs} and no duration, one frame per step of the longest run.
 *
 * <p>Motion is measured relative to the size of the run's layout at that step (the mean move over
 * the side of its bounding box), because each run has its own camera: what counts is how far the
 * points move on screen. A t-SNE layout is about a hundredth of its final size while its
 * exaggeration phase moves it, which in the normalised units of its file is hardly motion at all.
 */
final class ProgressTimeline {
    private ProgressTimeline() {}

    /**
     * @param lasts  each run's last step
     * @param motion each run's motion from step i to i+1, on screen ({@link #onScreen}); null for epochs pacing
     * @return the progress of every frame, 0 first and 1 last
     */
    static double[] plan(Timing timing, int[] lasts, double[][] motion) {
        int grid = grid(timing, lasts);
        int[] keys = timing.keyEpochs(grid);
        double[] steps = null;
        if (timing.pace() == Pace.MOTION) {
            steps = new double[keys.length - 1];
            for (int r = 0; r < lasts.length; r++) {
                double[] cumulative = cumulative(motion[r]);
                for (int i = 0; i < steps.length; i++) {
                    double moved = at(cumulative, (double) keys[i + 1] / grid * lasts[r])
                            - at(cumulative, (double) keys[i] / grid * lasts[r]);
                    steps[i] = Math.max(steps[i], moved);
                }
            }
        }
        Timeline timeline = Timeline.plan(timing, grid, keys, steps);
        double[] progress = new double[timeline.frames()];
        for (int f = 0; f < progress.length; f++) {
            progress[f] = Math.min(1, timeline.epoch(f) / grid);
        }
        progress[progress.length - 1] = 1;
        return progress;
    }

    /** The grid's steps: the longest run's, at most one fewer than the frames the duration makes. */
    static int grid(Timing timing, int[] lasts) {
        int longest = 1;
        for (int last : lasts) {
            longest = Math.max(longest, last);
        }
        if (timing.pace() == Pace.EPOCHS && timing.seconds() == null) {
            return longest;
        }
        return Math.min(longest, Math.max(1, timing.frames(1) - 1));
    }

    /** How many frames the comparison has: those {@link #plan} makes. */
    static int frames(Timing timing, int[] lasts) {
        return timing.frames(grid(timing, lasts));
    }

    /** Each step's mean move over the side of the layout it ends in: motion as the run's own camera shows it. */
    static double[] onScreen(MotionProfile profile) {
        double[] steps = profile.steps();
        double[] relative = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double[] box = profile.boxes()[i + 1];
            double side = Math.max(CompareRenderer.MIN_SIDE, Math.max(box[2] - box[0], box[3] - box[1]));
            relative[i] = steps[i] / side;
        }
        return relative;
    }

    /** The steps each run shows at each frame: progress × its last step (its last step exactly at the end). */
    static double[] steps(double[] progress, int last) {
        double[] steps = new double[progress.length];
        for (int f = 0; f < progress.length; f++) {
            steps[f] = Math.min(last, progress[f] * last);
        }
        steps[steps.length - 1] = last;
        return steps;
    }

    private static double[] cumulative(double[] steps) {
        double[] c = new double[steps.length + 1];
        for (int i = 0; i < steps.length; i++) {
            c[i + 1] = c[i] + steps[i];
        }
        return c;
    }

    /** The motion up to fractional step {@code s}, linear within a step. */
    private static double at(double[] cumulative, double s) {
        int i = Math.min(cumulative.length - 2, (int) Math.floor(s));
        if (i < 0) {
            return cumulative[0];
        }
        double t = Math.min(1, s - i);
        return cumulative[i] + t * (cumulative[i + 1] - cumulative[i]);
    }
}
