package org.umapanim.bench;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.umapanim.common.EpochListener;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.EpochHistory;

/**
 * A made-up run of any size for the render and read benchmarks, generated epoch by epoch so that no
 * history is held: a seeded Gaussian mixture of {@link #CLUSTERS} clusters of very different sizes
 * and spreads (each of the {@link #CLASSES} classes owns several), with a few percent of the points
 * on thin bridges between two clusters of a class. Every point starts at a random spot and eases
 * towards its place in the mixture (most of the motion in the first few dozen epochs, as in UMAP)
 * while the whole layout turns slowly, so every epoch still moves a little. Coordinates stay in
 * [0,1], like {@code epochs.parquet}'s.
 */
final class SyntheticRun implements EpochHistory {
    static final int CLUSTERS = 40;
    static final int CLASSES = 10;
    /** The share of points on the bridges. */
    static final double BRIDGES = 0.03;

    private final int points;
    private final int lastEpoch;
    private final String[] labels;
    /** Start and end position of every point, relative to the centre (0.5, 0.5). */
    private final float[] start;
    private final float[] end;

    SyntheticRun(int points, int lastEpoch, long seed) {
        this.points = points;
        this.lastEpoch = lastEpoch;
        SplittableRandom random = new SplittableRandom(seed);
        double[] cx = new double[CLUSTERS];
        double[] cy = new double[CLUSTERS];
        double[] spread = new double[CLUSTERS];
        double[] weight = new double[CLUSTERS];
        double total = 0;
        for (int k = 0; k < CLUSTERS; k++) {
            double r = 0.3 * Math.sqrt(random.nextDouble());
            double a = 2 * Math.PI * random.nextDouble();
            cx[k] = r * Math.cos(a);
            cy[k] = r * Math.sin(a);
            spread[k] = 0.006 + 0.025 * random.nextDouble();
            weight[k] = Math.exp(gaussian(random));
            total += weight[k];
        }
        String[] names = new String[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            names[c] = Integer.toString(c);
        }
        labels = new String[points];
        start = new float[2 * points];
        end = new float[2 * points];
        for (int i = 0; i < points; i++) {
            int k = pick(weight, total * random.nextDouble());
            double x, y;
            if (random.nextDouble() < BRIDGES) {
                // between cluster k and the next one of its class
                int other = (k + CLASSES) % CLUSTERS;
                double t = random.nextDouble();
                x = cx[k] + t * (cx[other] - cx[k]) + 0.003 * gaussian(random);
                y = cy[k] + t * (cy[other] - cy[k]) + 0.003 * gaussian(random);
            } else {
                x = cx[k] + spread[k] * gaussian(random);
                y = cy[k] + spread[k] * gaussian(random);
            }
            double r = Math.hypot(x, y);
            if (r > 0.42) {
                x *= 0.42 / r;
                y *= 0.42 / r;
            }
            labels[i] = names[k % CLASSES];
            end[2 * i] = (float) x;
            end[2 * i + 1] = (float) y;
            double r0 = 0.45 * Math.sqrt(random.nextDouble());
            double a0 = 2 * Math.PI * random.nextDouble();
            start[2 * i] = (float) (r0 * Math.cos(a0));
            start[2 * i + 1] = (float) (r0 * Math.sin(a0));
        }
    }

    private static int pick(double[] weight, double at) {
        for (int k = 0; k < weight.length - 1; k++) {
            at -= weight[k];
            if (at < 0) {
                return k;
            }
        }
        return weight.length - 1;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The layout of {@code epoch} into {@code xy}. */
    void layout(int epoch, float[] xy) {
        float away = (float) Math.exp(-epoch / 20.0);
        double turn = 0.15 * epoch / Math.max(1, lastEpoch);
        float cos = (float) ((1 - away) * Math.cos(turn));
        float sin = (float) ((1 - away) * Math.sin(turn));
        for (int k = 0; k < xy.length; k += 2) {
            float x = end[k], y = end[k + 1];
            xy[k] = 0.5f + cos * x - sin * y + away * start[k];
            xy[k + 1] = 0.5f + sin * x + cos * y + away * start[k + 1];
        }
    }

    @Override
    public int points() {
        return points;
    }

    @Override
    public int lastEpoch() {
        return lastEpoch;
    }

    @Override
    public String[] labels() {
        return labels.clone();
    }

    @Override
    public void forEachEpoch(EpochListener listener) {
        float[] xy = new float[2 * points];
        for (int e = 0; e <= lastEpoch; e++) {
            layout(e, xy);
            listener.onEpoch(e, xy);
        }
    }

    /** The rows behind the points: {@code columns} columns of seeded noise (the legend shows colour swatches). */
    Dataset rows(int columns) {
        SplittableRandom random = new SplittableRandom(7);
        float[] values = new float[Math.multiplyExact(points, columns)];
        for (int v = 0; v < values.length; v++) {
            values[v] = (float) random.nextDouble();
        }
        List<String> names = IntStream.rangeClosed(1, columns).mapToObj(j -> "v" + j).toList();
        return new Dataset("synthetic", null, names, values, "class", labels.clone(), Optional.empty());
    }
}
