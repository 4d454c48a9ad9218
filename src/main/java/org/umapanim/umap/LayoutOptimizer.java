package org.umapanim.umap;

import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.knn.Rng;
import org.umapanim.knn.Workers;

/**
 * umap-learn's optimize_layout_euclidean for a 2-D layout, run in parallel with a result that
 * does not depend on the thread count. As in umap-learn, each edge is sampled every max(w)/w
 * epochs, pulls its two ends together and pushes its head away from negative_sample_rate
 * random points per sample, gradients clipped to ±4, learning rate decaying linearly; the
 * schedule is kept in doubles exactly as umap-learn keeps it, and an edge is first due at epoch
 * index max(w)/w ≥ 1, so the first epoch samples nothing (the listener's epoch 1 equals epoch 0).
 *
 * <p>umap-learn sweeps the edges in order on one thread, each sample moving both ends of its
 * edge (move_other); run on several threads at once (Hogwild) the races make the result
 * unrepeatable. Here an epoch runs in phases, one per colour class of the graph
 * ({@link VertexColouring}: no edge joins two vertices of one class):
 * <ol>
 *   <li>the vertices of the class work through their rows in parallel, each moving only
 *       itself: the pull of each due edge (j, k), then its negative samples; the pull's
 *       opposite, the move of the tail k, is written beside the edge;</li>
 *   <li>every vertex adjacent to the class then applies the sum of the moves written for it,
 *       clipped as one sample's move is (see {@link #finishPhase}), and the vertices of the
 *       class take their new positions.</li>
 * </ol>
 * Every edge is thus worked as in umap-learn's sweep — both ends move by the same step,
 * computed from where both were — only the order of the rows is by class, not by index, and
 * the vertices of one class see each other (as negative samples, the only way they meet) where
 * they were when the phase began. Nothing is read while it is written. Negative samples come
 * from a random stream per (seed, epoch, vertex), not per thread. So which thread runs which
 * vertex changes nothing: 1, 2 or 8 threads give the same layout bit for bit. The layouts are
 * as good as the sweep's: trustworthiness and 10-NN accuracy 0.9544 / 0.9345 against 0.9546 /
 * 0.9356 on the bundled digits (mean of 20 seeds), 0.9751 / 0.7746 against 0.9749 / 0.7735 on
 * 30,000 Fashion-MNIST images (7 seeds).
 *
 * Cheaper schemes that were measured lost quality (docs/history.md).
 */
final class LayoutOptimizer {
    private static final float CLIP = 4f;
    /** The fewest vertices (or targets) a thread claims at a time. */
    private static final int MIN_CHUNK = 16;
    /** Rng streams below this are used by the initialisation. */
    private static final long FIRST_STREAM = 1L << 40;

    /** The caller's layout, in input order: filled after every epoch and handed to the listener. */
    private final float[] layout;
    /**
     * The working layout, vertices renumbered so that each colour class is a contiguous range:
     * the rows of a phase are then read in memory order, not scattered over all the edges.
     */
    private final float[] y;
    /** The new positions of the current phase's vertices, copied into {@code y} when the phase ends. */
    private final float[] moved;
    private final int vertices;
    /** input row of each renumbered vertex */
    private final int[] input;
    /** class c is the vertices [classStart[c], classStart[c + 1]) */
    private final int[] classStart;
    private final int[] rowStart;
    private final int[] tail;
    private final double[] epochsPerSample;
    /**
     * Negative samples per positive one. An edge's epochs per negative sample are computed from it
     * when needed rather than kept (the same division umap-learn does once): 8 bytes an edge less,
     * 160 MB at a million rows.
     */
    private final double negativeRate;
    private final double[] nextSample;
    private final double[] nextNegativeSample;
    /** Where edge e's tail move goes in {@code tailMoves}: grouped by tail, within the class's own range of edges. */
    private final int[] slot;
    /** The moves of this phase's edges' tails, x and y, by slot; 0 for an edge not sampled (reset once applied). */
    private final float[] tailMoves;
    /** Per class: where the slots of each of its targets (the other ends of its edges, ascending) start, and the last end. */
    private final int[][] targetSlots;
    /** The target of each slot. */
    private final int[] slotTarget;
    /** Per epoch, two loops per class: its vertices' rows; then its targets' tail moves and its vertices' new positions. */
    private final int[] loopSizes;
    private final GradientTable gradients;

    LayoutOptimizer(float[] layout, FuzzyGraph g, double a, double b, UmapParams p) {
        this.layout = layout;
        int n = g.n;
        this.vertices = n;
        int[][] classes = VertexColouring.classes(g);
        int colours = classes.length;
        this.input = new int[n];
        this.classStart = new int[colours + 1];
        int[] renumbered = new int[n];
        for (int c = 0, i = 0; c < colours; c++) {
            classStart[c] = i;
            for (int j : classes[c]) {
                input[i] = j;
                renumbered[j] = i++;
            }
        }
        classStart[colours] = n;

        int edges = g.edges();
        this.rowStart = new int[n + 1];
        this.tail = new int[edges];
        this.epochsPerSample = new double[edges];
        this.nextSample = new double[edges];
        this.nextNegativeSample = new double[edges];
        this.negativeRate = p.negativeSampleRate();
        double maxW = g.maxWeight();
        int nEpochs = p.nEpochs();
        for (int i = 0, e = 0; i < n; i++) {
            rowStart[i] = e;
            int j = input[i];
            for (int f = g.rowStart[j]; f < g.rowStart[j + 1]; f++, e++) {
                tail[e] = renumbered[g.columns[f]];
                // make_epochs_per_sample: n_epochs / (n_epochs · w / max w)
                double samples = nEpochs * ((double) g.weights[f] / maxW);
                double eps = samples > 0 ? nEpochs / samples : -1;
                epochsPerSample[e] = eps;
                nextSample[e] = eps;
                nextNegativeSample[e] = epochsPerNegativeSample(eps);
            }
        }
        rowStart[n] = edges;

        this.slot = new int[edges];
        this.slotTarget = new int[edges];
        this.tailMoves = new float[2 * edges];
        this.targetSlots = new int[colours][];
        int[] incoming = new int[n];
        for (int c = 0; c < colours; c++) {
            // the edges of class c own the slots [first, last), grouped by tail in ascending order
            int first = rowStart[classStart[c]];
            int last = rowStart[classStart[c + 1]];
            for (int e = first; e < last; e++) {
                incoming[tail[e]]++;
            }
            int count = 0;
            for (int k = 0; k < n; k++) {
                count += incoming[k] > 0 ? 1 : 0;
            }
            int[] starts = new int[count + 1];
            for (int k = 0, t = 0, next = first; k < n; k++) {
                if (incoming[k] > 0) {
                    starts[t++] = next;
                    next += incoming[k];
                    incoming[k] = next - incoming[k]; // now: k's next free slot
                }
            }
            starts[count] = last;
            for (int e = first; e < last; e++) {
                int s = incoming[tail[e]]++;
                slot[e] = s;
                slotTarget[s] = tail[e];
            }
            java.util.Arrays.fill(incoming, 0);
            targetSlots[c] = starts;
        }
        this.loopSizes = new int[2 * colours];
        for (int c = 0; c < colours; c++) {
            loopSizes[2 * c] = classStart[c + 1] - classStart[c];
            loopSizes[2 * c + 1] = targetSlots[c].length - 1 + loopSizes[2 * c];
        }

        this.y = new float[2 * n];
        this.moved = new float[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = layout[2 * input[i]];
            y[2 * i + 1] = layout[2 * input[i] + 1];
        }
        this.gradients = new GradientTable(a, b, p.repulsionStrength());
    }

    /** Runs every epoch, reporting the layout after each to the listener. */
    void run(UmapParams p, Workers workers, EpochListener listener, Progress.Task task) {
        int nEpochs = p.nEpochs();
        double alpha = p.learningRate();
        for (int n = 0; n < nEpochs; n++) {
            int epoch = n;
            float stepSize = (float) alpha;
            long streams = FIRST_STREAM + (long) epoch * vertices;
            PhasedLoops.run(workers, loopSizes, MIN_CHUNK, (loop, from, to) -> {
                int c = loop / 2;
                if (loop % 2 == 0) {
                    for (int j = classStart[c] + from; j < classStart[c] + to; j++) {
                        move(j, epoch, stepSize, Rng.streamState(p.seed(), streams + j));
                    }
                } else {
                    finishPhase(c, from, to, CLIP * stepSize);
                }
            });
            alpha = p.learningRate() * (1.0 - (double) n / nEpochs);
            for (int i = 0; i < vertices; i++) {
                layout[2 * input[i]] = y[2 * i];
                layout[2 * input[i] + 1] = y[2 * i + 1];
            }
            listener.onEpoch(n + 1, layout);
            task.step();
        }
    }

    /**
     * Items [from, to) of the end of class c's phase: first its targets, each applying the sum of
     * the tail moves of its edges from c (one flat loop over their slots, which lie together),
     * clipped to {@code limit} per axis as one sample's move is; then its own vertices, each
     * taking its new position.
     *
     * <p>The clip is for hubs. The sweep moves a tail once per edge, each time from where the last
     * move left it; here all of a phase's moves are computed from where it was, so they add up. A
     * vertex that is the neighbour of hundreds (duplicate rows: 4,200 identical rows gave one an
     * in-degree of 795) was thrown hundreds of steps past its heads, and the layout of such data
     * spread over 817 units instead of a few. Ordinary vertices rarely reach the limit: on the
     * bundled digits 473 of the 19 million sums did.
     */
    private void finishPhase(int c, int from, int to, float limit) {
        int[] starts = targetSlots[c];
        int targets = starts.length - 1;
        int end = starts[Math.min(to, targets)];
        for (int s = starts[Math.min(from, targets)]; s < end; ) {
            int k = slotTarget[s];
            float dx = 0f;
            float dy = 0f;
            for (; s < end && slotTarget[s] == k; s++) {
                dx += tailMoves[2 * s];
                dy += tailMoves[2 * s + 1];
                tailMoves[2 * s] = 0f; // ready for the next epoch, where this edge may not be sampled
                tailMoves[2 * s + 1] = 0f;
            }
            y[2 * k] -= clip(dx, limit);
            y[2 * k + 1] -= clip(dy, limit);
        }
        if (to > targets) {
            int own = Math.max(from, targets);
            int first = classStart[c] + own - targets;
            System.arraycopy(moved, 2 * first, y, 2 * first, 2 * (to - own));
        }
    }

    /**
     * Vertex j's edges due in epoch n, in order: the pull towards the tail, then the negative
     * samples, drawn from the stream whose state is {@code random} ({@link Rng#streamState}).
     *
     * <p>Unlike umap-learn, an edge's negative samples all push from where its pull left the
     * vertex and their moves are summed, instead of each pushing from where the last left it:
     * the samples' arithmetic (a table lookup, ~40 cycles of latency) then overlaps instead of
     * forming one chain. The bare gradient ({@code GradientBench}) takes 6-7 ns per negative
     * sample so against 11-15 ns, the SGD of the bundled digits 1.33-1.42 s of CPU against
     * 1.65-1.86 s (2 threads, 3 seeds, alternating runs), and the layouts are as good:
     * trustworthiness (4,000 rows) and 10-NN accuracy 0.9570 / 0.9377 against 0.9552 / 0.9338.
     */
    private void move(int j, int n, float alpha, long random) {
        final float[] y = this.y;
        final GradientTable g = gradients;
        float xj = y[2 * j];
        float yj = y[2 * j + 1];
        for (int e = rowStart[j]; e < rowStart[j + 1]; e++) {
            if (nextSample[e] > n) {
                continue;
            }
            int k = tail[e];
            float dx = xj - y[2 * k];
            float dy = yj - y[2 * k + 1];
            float d2 = dx * dx + dy * dy;
            float coeff = d2 > 0f ? g.attraction(d2) : 0f;
            float gx = clip(coeff * dx) * alpha;
            float gy = clip(coeff * dy) * alpha;
            xj += gx;
            yj += gy;
            int s = slot[e];
            tailMoves[2 * s] = gx;
            tailMoves[2 * s + 1] = gy;
            nextSample[e] += epochsPerSample[e];

            // the negative samples all push from where the pull left the vertex, their moves summed
            double epn = epochsPerNegativeSample(epochsPerSample[e]);
            int negatives = (int) ((n - nextNegativeSample[e]) / epn);
            float pushX = 0f;
            float pushY = 0f;
            for (int r = 0; r < negatives; r++) {
                random = Rng.advance(random);
                int o = Rng.intBelow(random, vertices);
                if (o == j) {
                    continue;
                }
                float ndx = xj - y[2 * o];
                float ndy = yj - y[2 * o + 1];
                float nd2 = ndx * ndx + ndy * ndy;
                if (nd2 > 0f) {
                    float c = g.repulsion(nd2);
                    pushX += clip(c * ndx);
                    pushY += clip(c * ndy);
                }
            }
            xj += pushX * alpha;
            yj += pushY * alpha;
            nextNegativeSample[e] += negatives * epn;
        }
        moved[2 * j] = xj;
        moved[2 * j + 1] = yj;
    }

    private double epochsPerNegativeSample(double epochsPerSample) {
        return negativeRate > 0 ? epochsPerSample / negativeRate : Double.POSITIVE_INFINITY;
    }

    private static float clip(float v) {
        return clip(v, CLIP);
    }

    private static float clip(float v, float limit) {
        return v > limit ? limit : (v < -limit ? -limit : v);
    }
}
