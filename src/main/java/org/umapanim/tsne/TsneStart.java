package org.umapanim.tsne;

import java.util.SplittableRandom;

/**
 * Starting layouts at openTSNE's scale: a standard deviation of 1e-4 along the first axis, so
 * the early iterations see a layout far smaller than K's unit length and no point starts
 * pushed apart.
 */
public final class TsneStart {
    /** openTSNE's target standard deviation of the start's first axis. */
    public static final double STD = 1e-4;

    private TsneStart() {}

    /**
     * {@code layout} (PCA scores or a spectral layout, x = layout[2i]) centred and scaled in place
     * so its first axis has standard deviation {@link #STD}, as openTSNE's
     * {@code initialization.rescale} does; a layout with no spread is left at the origin.
     */
    public static float[] rescaled(float[] layout) {
        int n = layout.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += layout[2 * i];
            my += layout[2 * i + 1];
        }
        mx /= n;
        my /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = layout[2 * i] - mx;
            var += d * d;
        }
        double std = Math.sqrt(var / n);
        double scale = std > 0 ? STD / std : 0;
        for (int i = 0; i < n; i++) {
            layout[2 * i] = (float) ((layout[2 * i] - mx) * scale);
            layout[2 * i + 1] = (float) ((layout[2 * i + 1] - my) * scale);
        }
        return layout;
    }

    /** Normal coordinates of standard deviation {@link #STD} from {@code seed}, as openTSNE's random start. */
    public static float[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] layout = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            layout[i] = (float) (rng.nextGaussian() * STD);
        }
        return layout;
    }
}
