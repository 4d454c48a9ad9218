package org.umapanim.render;

import org.umapanim.common.SettingProblem;

/**
 * Which epochs the movie shows and how long each is on screen ({@link Timeline}).
 *
 * @param pace    how screen time is shared among the drawn epochs
 * @param seconds how long the layout moves at least (the encoder's hold comes after): longer when
 *                the drawn epochs need more frames than that, one each; null for the default:
 *                {@link #MOTION_SECONDS} with motion pacing, one frame per drawn epoch with epochs pacing
 * @param every   draw every {@code every}-th epoch (and always the last); frames in between are
 *                interpolated from the drawn epochs on either side
 * @param fps     frames per second of the movie
 */
public record Timing(Pace pace, Double seconds, int every, int fps) {
    /**
     * Eight seconds, then the encoder's two-second hold: 240 frames at 30 fps, of which 201 epochs
     * take one each and the first epochs, which hold most of the motion, the rest (the bundled run's
     * first second: epochs 0–15, the original's 6.7 s: 0–30). Ten seconds would give them a third
     * more (0–10.7 in the first second) for a quarter more frames to draw and encode, when drawing
     * is most of {@code all}'s time.
     */
    public static final double MOTION_SECONDS = 8;

    /** Motion pacing over eight seconds at 30 frames per second, every epoch drawn. */
    public static final Timing DEFAULT = new Timing(Pace.MOTION, null, 1, 30);

    public Timing {
        if (pace == null) {
            throw new SettingProblem("pace", "must be given");
        }
        if (seconds != null && !(seconds >= 0.1 && seconds <= 3600)) {
            throw new SettingProblem("duration", "must be between 0.1 and 3600 seconds, got " + seconds);
        }
        if (every < 1) {
            throw new SettingProblem("every", "must be at least 1, got " + every);
        }
        if (fps < 1 || fps > 240) {
            throw new SettingProblem("fps", "must be between 1 and 240, got " + fps);
        }
    }

    /** The drawn epochs: 0, every, 2·every, … and the last, in order. */
    int[] keyEpochs(int lastEpoch) {
        int n = lastEpoch / every + 1 + (lastEpoch % every == 0 ? 0 : 1);
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Math.min(lastEpoch, i * every);
        }
        return keys;
    }

    /**
     * How many frames the movie has before the hold: the duration's, but never fewer than one per
     * drawn epoch; depends on the settings alone, not on the motion.
     */
    public int frames(int lastEpoch) {
        int drawn = keyEpochs(lastEpoch).length;
        if (pace == Pace.EPOCHS && seconds == null) {
            return drawn;
        }
        double s = seconds != null ? seconds : MOTION_SECONDS;
        return Math.max(Math.max(2, drawn), (int) Math.round(s * fps));
    }
}
