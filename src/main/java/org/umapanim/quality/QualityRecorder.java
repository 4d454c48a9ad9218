package org.umapanim.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.umapanim.common.EpochListener;
import org.umapanim.knn.Workers;
import org.umapanim.reduce.Objective;
import org.umapanim.reduce.ObjectiveEstimate;

/**
 * Measures every epoch of a run as it goes by (design §10): trustworthiness, neighbour
 * preservation, label accuracy, motion and the loss, on a seeded {@link QualitySample}.
 *
 * <p>Each epoch is measured when it arrives, on all the run's threads in fixed blocks of sampled
 * points (so the figures do not depend on the thread count), while the SGD waits. Measured on
 * one thread beside the SGD instead, three busy threads share two cores: the measures added
 * 1.0–1.3 s to a 4.9 s prepare of the bundled digits. The one-off work (the
 * input-space neighbours, the loss's sample) starts as soon as the reducer hands out its
 * objective: UMAP does so after the kNN search has given its cores back, while the
 * single-threaded spectral initialisation leaves the others free.
 */
public final class QualityRecorder implements EpochListener, AutoCloseable {
    /** Neighbourhood of trustworthiness and preservation. */
    static final int K = 15;
    /** Neighbours that vote for a point's label. */
    static final int VOTES = 10;
    /** Sampled points a block of work measures: 4 blocks an epoch for the default 1,000. */
    private static final int QUERY_BLOCK = 250;

    private final float[] values;
    private final int n;
    private final int d;
    private final int[] classes;
    private final int classCount;
    private final long seed;
    private final QualitySample sample;
    private final int k;
    private final int votes;
    private final Workers workers;
    private final ExecutorService setupThread;
    private final Motion motion;
    private final List<EpochMeasures> measured = new ArrayList<>();
    /** The latest epoch's layout, whose label accuracy is measured again on the larger last sample. */
    private final float[] latest;
    private CompletableFuture<Setup> setup;

    /** What every epoch's measures need, found once. */
    private record Setup(InputNeighbours input, ObjectiveEstimate loss) {}

    /**
     * @param values  row-major n × d input the layout embeds (kept, not copied: it must not change)
     * @param labels  one class label per point, or null for unlabelled data
     * @param seed    draws the samples
     * @param threads threads to measure on; the figures are the same for any number
     */
    public QualityRecorder(float[] values, int n, int d, String[] labels, long seed, int threads) {
        if (n < 3 || values.length != (long) n * d) {
            throw new IllegalArgumentException("expected at least 3 rows of " + d + " values, got " + values.length
                    + " values for " + n + " rows");
        }
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " points");
        }
        this.values = values;
        this.n = n;
        this.d = d;
        this.seed = seed;
        this.sample = QualitySample.of(n, seed);
        this.k = Math.min(K, (n - 1) / 2);   // sklearn's trustworthiness needs k < n/2
        this.votes = Math.min(VOTES, n - 1);
        this.classes = labels == null ? null : classIndices(labels);
        this.classCount = classes == null ? 0 : java.util.stream.IntStream.of(classes).max().orElse(0) + 1;
        this.motion = new Motion(sample);
        this.latest = classes == null || sample.last() == sample.planar() ? null : new float[2 * n];
        this.workers = new Workers(threads);
        this.setupThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quality-setup");
            t.setDaemon(true);
            return t;
        });
    }

    /** Classes numbered in sorted label order, so vote ties go to the first class. */
    private static int[] classIndices(String[] labels) {
        Map<String, Integer> index = new TreeMap<>();
        for (String label : labels) {
            index.put(label, 0);
        }
        int next = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(next++);
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = index.get(labels[i]);
        }
        return out;
    }

    /** Takes the reducer's objective, for the loss; it must come before epoch 0. */
    public void useObjective(Objective objective) {
        if (setup != null) {
            throw new IllegalStateException("the objective must come once, before epoch 0");
        }
        if (objective.points() != n) {
            throw new IllegalArgumentException("the objective has " + objective.points() + " points, the data " + n);
        }
        startSetup(objective);
    }

    private void startSetup(Objective objective) {
        setup = CompletableFuture.supplyAsync(() -> new Setup(InputNeighbours.of(values, n, d, sample, k, workers),
                objective == null ? null : objective.estimate(seed + 1)), setupThread);
    }

    @Override
    public void onEpoch(int epoch, float[] xy) {
        if (epoch != measured.size()) {
            throw new IllegalStateException("expected epoch " + measured.size() + ", got " + epoch);
        }
        if (xy.length != 2 * n) {
            throw new IllegalArgumentException("layout of epoch " + epoch + " has " + xy.length + " values, expected 2 × " + n);
        }
        if (setup == null) {
            startSetup(null);
        }
        Setup ready;
        try {
            ready = setup.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        measured.add(measure(epoch, xy, ready));
        if (latest != null) {
            System.arraycopy(xy, 0, latest, 0, latest.length);
        }
    }

    private EpochMeasures measure(int epoch, float[] xy, Setup ready) {
        PlaneGrid grid = new PlaneGrid(xy);
        int blocks = (sample.planar() + QUERY_BLOCK - 1) / QUERY_BLOCK;
        long[] penalty = new long[blocks];
        long[] kept = new long[blocks];
        long[] correct = new long[blocks];
        workers.forBlocks(sample.planar(), QUERY_BLOCK, (from, to) -> {
            int b = from / QUERY_BLOCK;
            int[] near = new int[Math.max(k, votes)];
            int[] voters = new int[votes];
            int[] tally = new int[Math.max(1, classCount)];
            // counted locally and stored once: neighbouring slots of the arrays share a cache line
            long blockPenalty = 0;
            long blockKept = 0;
            long blockCorrect = 0;
            for (int q = from; q < to; q++) {
                int i = sample.point(q);
                boolean highD = q < sample.highD();
                int[] found = highD ? near : voters;
                grid.nearest(i, found);
                if (highD) {
                    for (int r = 0; r < k; r++) {
                        int j = found[r];
                        if (ready.input().isNear(q, j)) {
                            blockKept++;
                        } else {
                            blockPenalty += Math.max(0, ready.input().rank(q, j) - k);
                        }
                    }
                }
                if (classes != null && vote(found, tally) == classes[i]) {
                    blockCorrect++;
                }
            }
            penalty[b] = blockPenalty;
            kept[b] = blockKept;
            correct[b] = blockCorrect;
        });
        int m = sample.highD();
        double trust = 1 - sum(penalty) * (2.0 / ((double) m * k * (2.0 * n - 3.0 * k - 1.0)));
        double preservation = sum(kept) / ((double) m * k);
        double accuracy = classes == null ? Double.NaN : sum(correct) / (double) sample.planar();
        motion.record(xy);
        ObjectiveEstimate.Loss loss = ready.loss() == null ? ObjectiveEstimate.Loss.NONE : ready.loss().at(xy, workers);
        return new EpochMeasures(epoch, trust, preservation, accuracy, Double.NaN, Double.NaN, loss.attraction(),
                loss.repulsion());
    }

    /**
     * The 10-NN accuracy of {@code xy} over the first {@code count} sampled points, in the same
     * fixed blocks as every epoch's.
     */
    private double accuracy(float[] xy, int count) {
        PlaneGrid grid = new PlaneGrid(xy);
        long[] correct = new long[(count + QUERY_BLOCK - 1) / QUERY_BLOCK];
        workers.forBlocks(count, QUERY_BLOCK, (from, to) -> {
            int[] voters = new int[votes];
            int[] tally = new int[Math.max(1, classCount)];
            long blockCorrect = 0;
            for (int q = from; q < to; q++) {
                int i = sample.point(q);
                grid.nearest(i, voters);
                if (vote(voters, tally) == classes[i]) {
                    blockCorrect++;
                }
            }
            correct[from / QUERY_BLOCK] = blockCorrect;
        });
        return sum(correct) / (double) count;
    }

    private static long sum(long[] parts) {
        return java.util.stream.LongStream.of(parts).sum();
    }

    /** The most common class among the first {@code votes} neighbours; ties to the lowest class. */
    private int vote(int[] found, int[] tally) {
        java.util.Arrays.fill(tally, 0);
        for (int r = 0; r < votes; r++) {
            tally[classes[found[r]]]++;
        }
        int best = 0;
        for (int c = 1; c < tally.length; c++) {
            if (tally[c] > tally[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The measures of every epoch, with the motion in the stored units
     * {@code stored = raw · scale} per axis (the scales of the run's normalisation).
     */
    public QualityRun finish(double scaleX, double scaleY) {
        if (measured.isEmpty()) {
            throw new IllegalStateException("no epoch was recorded");
        }
        List<EpochMeasures> epochs = new ArrayList<>(measured);
        if (latest != null) {
            EpochMeasures m = epochs.get(epochs.size() - 1);
            epochs.set(epochs.size() - 1, new EpochMeasures(m.epoch(), m.trustworthiness(), m.neighbourPreservation(),
                    accuracy(latest, sample.last()), m.motionMedian(), m.motionP95(), m.lossAttraction(),
                    m.lossRepulsion()));
        }
        close();
        Setup ready = setup.join();
        ObjectiveEstimate estimate = ready.loss();
        for (int e = 1; e < epochs.size(); e++) {
            EpochMeasures m = epochs.get(e);
            double[] moved = motion.percentiles(e, scaleX, scaleY);
            epochs.set(e, new EpochMeasures(m.epoch(), m.trustworthiness(), m.neighbourPreservation(),
                    m.labelAccuracy(), moved[0], moved[1], m.lossAttraction(), m.lossRepulsion()));
        }
        QualityMethod method = new QualityMethod(n, sample.highD(), ready.input().rankMethod(), sample.planar(),
                classes == null ? sample.planar() : sample.last(), k, votes, classes != null, seed, estimate == null ? Map.of() : estimate.describe());
        return new QualityRun(epochs, method);
    }

    /** Stops the measuring threads. */
    @Override
    public void close() {
        setupThread.shutdownNow();
        workers.close();
    }
}
