package org.umapanim.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far the sampled points move from one epoch to the next. The run's coordinates are
 * normalised only when it is over (one fit over all epochs), so each epoch's displacements are
 * kept as raw (dx, dy) — two floats per sampled point, 8 MB for 5,000 points over 200 epochs —
 * and measured once the scale is known: exact for both the shared scale and the per-axis one.
 */
final class Motion {
    private final QualitySample sample;
    private final List<float[]> steps = new ArrayList<>();
    private float[] previous;

    Motion(QualitySample sample) {
        this.sample = sample;
    }

    /** Records the layout of the next epoch (all points, raw coordinates). */
    void record(float[] xy) {
        int m = sample.planar();
        float[] now = new float[2 * m];
        for (int q = 0; q < m; q++) {
            int i = sample.point(q);
            now[2 * q] = xy[2 * i];
            now[2 * q + 1] = xy[2 * i + 1];
        }
        if (previous != null) {
            float[] step = new float[2 * m];
            for (int c = 0; c < 2 * m; c++) {
                step[c] = now[c] - previous[c];
            }
            steps.add(step);
        }
        previous = now;
    }

    /**
     * Median and 95th percentile of the displacements into {@code epoch} (≥ 1), in stored units
     * {@code stored = raw · scale} per axis; percentiles interpolate linearly between ranks
     * (numpy's default).
     */
    double[] percentiles(int epoch, double scaleX, double scaleY) {
        float[] step = steps.get(epoch - 1);
        int m = step.length / 2;
        double[] lengths = new double[m];
        for (int q = 0; q < m; q++) {
            lengths[q] = Math.hypot(step[2 * q] * scaleX, step[2 * q + 1] * scaleY);
        }
        Arrays.sort(lengths);
        return new double[] {percentile(lengths, 0.5), percentile(lengths, 0.95)};
    }

    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
