package org.umapanim.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.umapanim.common.EpochListener;
import org.umapanim.umap.UmapObjective;

/**
 * Measures every epoch of a run as it goes by (design §10): trustworthiness, neighbour
 * preservation, label accuracy, motion and the loss, on a seeded {@link QualitySample}.
 *
 * <p>The listener only copies the layout and hands it to one background thread, which measures
 * the epochs in order. The default SGD runs on one thread, so on two or more cores the measures
 * run beside it rather than after each epoch; the input-space distances are computed there too,
 * when epoch 0 arrives, after the kNN search has given its cores back. At most
 * {@link #QUEUED_FLOATS} coordinates wait in the queue (64 MB); past that the run waits for the
 * measures. The results do not depend on timing or thread count.
 */
public final class QualityRecorder implements EpochListener, AutoCloseable {
    /** Neighbourhood of trustworthiness and preservation. */
    static final int K = 15;
    /** Neighbours that vote for a point's label. */
    static final int VOTES = 10;
    static final long QUEUED_FLOATS = 1L << 24;

    private final float[] values;
    private final int n;
    private final int d;
    private final int[] classes;
    private final int classCount;
    private final long seed;
    private final QualitySample sample;
    private final int k;
    private final int votes;
    private final ExecutorService worker;
    private final Semaphore queue;
    private final List<Future<EpochMeasures>> measured = new ArrayList<>();
    private Future<CrossEntropyEstimate> loss;
    private int nextEpoch;

    // confined to the worker thread
    private InputNeighbours input;
    private final Motion motion;

    /**
     * @param values row-major n × d input the layout embeds (kept, not copied: it must not change)
     * @param labels one class label per point, or null for unlabelled data
     * @param seed   draws the samples
     */
    public QualityRecorder(float[] values, int n, int d, String[] labels, long seed) {
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
        this.queue = new Semaphore((int) Math.max(2, Math.min(Integer.MAX_VALUE, QUEUED_FLOATS / (2L * n))));
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quality-measures");
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

    /** Takes UMAP's objective (graph and curve), for the loss; UMAP hands it out before epoch 0. */
    public void useObjective(UmapObjective objective) {
        if (nextEpoch > 0 || loss != null) {
            throw new IllegalStateException("the objective must come once, before epoch 0");
        }
        if (objective.n() != n) {
            throw new IllegalArgumentException("the objective has " + objective.n() + " points, the data " + n);
        }
        loss = worker.submit(() -> CrossEntropyEstimate.of(objective, seed + 1));
    }

    @Override
    public void onEpoch(int epoch, float[] xy) {
        if (epoch != nextEpoch) {
            throw new IllegalStateException("expected epoch " + nextEpoch + ", got " + epoch);
        }
        if (xy.length != 2 * n) {
            throw new IllegalArgumentException("layout of epoch " + epoch + " has " + xy.length + " values, expected 2 × " + n);
        }
        nextEpoch++;
        float[] copy = xy.clone();
        queue.acquireUninterruptibly();
        measured.add(worker.submit(() -> {
            try {
                return measure(epoch, copy);
            } finally {
                queue.release();
            }
        }));
    }

    private EpochMeasures measure(int epoch, float[] xy) throws ExecutionException, InterruptedException {
        if (input == null) {
            input = InputNeighbours.of(values, n, d, sample, k);
        }
        PlaneGrid grid = new PlaneGrid(xy);
        int[] near = new int[Math.max(k, votes)];
        int[] voters = new int[votes];
        int[] tally = new int[Math.max(1, classCount)];
        long penalty = 0;
        long kept = 0;
        long correct = 0;
        for (int q = 0; q < sample.planar(); q++) {
            int i = sample.point(q);
            boolean highD = q < sample.highD();
            int[] found = highD ? near : voters;
            grid.nearest(i, found);
            if (highD) {
                for (int r = 0; r < k; r++) {
                    int j = found[r];
                    if (input.isNear(q, j)) {
                        kept++;
                    } else {
                        penalty += Math.max(0, input.rank(q, j) - k);
                    }
                }
            }
            if (classes != null && vote(found, tally) == classes[i]) {
                correct++;
            }
        }
        int m = sample.highD();
        double trust = 1 - penalty * (2.0 / ((double) m * k * (2.0 * n - 3.0 * k - 1.0)));
        double preservation = kept / ((double) m * k);
        double accuracy = classes == null ? Double.NaN : correct / (double) sample.planar();
        motion.record(xy);
        double attraction = Double.NaN;
        double repulsion = Double.NaN;
        if (loss != null) {
            CrossEntropyEstimate.Loss l = loss.get().at(xy);
            attraction = l.attraction();
            repulsion = l.repulsion();
        }
        return new EpochMeasures(epoch, trust, preservation, accuracy, Double.NaN, Double.NaN, attraction, repulsion);
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
     * Waits for the measures of every epoch and returns them, with the motion in the stored units
     * {@code stored = raw · scale} per axis (the scales of the run's normalisation).
     */
    public QualityRun finish(double scaleX, double scaleY) {
        if (nextEpoch == 0) {
            throw new IllegalStateException("no epoch was recorded");
        }
        List<EpochMeasures> epochs = new ArrayList<>(measured.size());
        CrossEntropyEstimate estimate;
        try {
            for (Future<EpochMeasures> f : measured) {
                epochs.add(f.get());
            }
            estimate = loss == null ? null : loss.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } finally {
            worker.shutdownNow();
        }
        for (int e = 1; e < epochs.size(); e++) {
            EpochMeasures m = epochs.get(e);
            double[] moved = motion.percentiles(e, scaleX, scaleY);
            epochs.set(e, new EpochMeasures(m.epoch(), m.trustworthiness(), m.neighbourPreservation(),
                    m.labelAccuracy(), moved[0], moved[1], m.lossAttraction(), m.lossRepulsion()));
        }
        QualityMethod method = new QualityMethod(n, sample.highD(), sample.planar(), k, votes, classes != null, seed,
                estimate == null ? -1 : estimate.edges(), estimate == null ? 0 : estimate.edgeSamples(),
                estimate == null ? -1 : estimate.nonEdges(), estimate == null ? 0 : estimate.pairSamples());
        return new QualityRun(epochs, method);
    }

    /** Stops the measuring thread; what it was doing is dropped. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
