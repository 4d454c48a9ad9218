package org.umapanim.umap;

import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;

/**
 * UMAP to two dimensions, following umap-learn 0.5.x step by step (see docs/design.md §3): kNN,
 * smooth kNN distances, fuzzy union, pruning, spectral initialisation, SGD. The listener sees
 * the initial layout (epoch 0) and the layout after every epoch; nothing is kept between calls.
 *
 * <p>Documented behaviour at the edges: fewer rows than n_neighbors + 1 shrinks n_neighbors to
 * rows − 1 (as umap-learn does; at least 3 rows are needed); identical rows are fine (all their
 * distances are 0, each gets membership 1); if ARPACK fails the layout starts uniformly random
 * in [-10, 10]² as in umap-learn. Non-finite values are rejected; finite values of any magnitude
 * work (see {@link Magnitude}).
 */
public final class Umap {
    private final UmapParams params;
    private final java.util.function.Consumer<UmapObjective> objectiveListener;

    public Umap(UmapParams params) {
        this(params, objective -> {});
    }

    private Umap(UmapParams params, java.util.function.Consumer<UmapObjective> objectiveListener) {
        this.params = java.util.Objects.requireNonNull(params, "params");
        this.objectiveListener = java.util.Objects.requireNonNull(objectiveListener, "objectiveListener");
    }

    /**
     * The same engine, also handing {@code listener} UMAP's objective (the pruned fuzzy graph the
     * SGD works on and the curve's a, b) once per fit, before epoch 0: what a loss estimate needs.
     */
    public Umap withObjectiveListener(java.util.function.Consumer<UmapObjective> listener) {
        return new Umap(params, listener);
    }

    public UmapParams params() {
        return params;
    }

    /**
     * Embeds n rows of d values (row-major) in 2-D, finding their neighbours the way umap-learn
     * would ({@link NearestNeighbors#search}).
     *
     * @throws IllegalArgumentException for fewer than 3 rows, a size mismatch or a NaN/infinite value
     */
    public UmapResult fit(float[] values, int n, int d, EpochListener listener, Progress progress) {
        java.util.Objects.requireNonNull(listener, "listener");
        java.util.Objects.requireNonNull(progress, "progress");
        checkInput(values, n, d);
        preloadNativesInBackground();
        long started = System.nanoTime();
        float[] x;
        try (Workers workers = new Workers(params.threads())) {
            x = Magnitude.moderated(values, workers);
        }
        KnnGraph knn = NearestNeighbors.search(x, n, d, neighbours(n), params.metric(), params.seed(),
                params.threads(), progress);
        return embed(x, d, knn, NearestNeighbors.methodFor(n), System.nanoTime() - started, listener, progress);
    }

    /**
     * Embeds n rows of d values with neighbours found by the caller (umappp lets its callers do
     * the same): {@code knn} must hold every row's {@code min(n_neighbors, n − 1)} nearest, itself
     * first. The rows are still needed: a graph of several components is laid out by their means.
     */
    public UmapResult fit(float[] values, int n, int d, KnnGraph knn, EpochListener listener, Progress progress) {
        java.util.Objects.requireNonNull(listener, "listener");
        java.util.Objects.requireNonNull(progress, "progress");
        checkInput(values, n, d);
        if (knn.n() != n || knn.k() != neighbours(n)) {
            throw new IllegalArgumentException("the neighbour lists are " + knn.n() + " × " + knn.k() + ", expected "
                    + n + " × " + neighbours(n));
        }
        preloadNativesInBackground();
        return embed(values, d, knn, NearestNeighbors.Method.GIVEN, 0, listener, progress);
    }

    /** umap-learn's rule: fewer rows than n_neighbors + 1 shrink the neighbourhood to the other rows. */
    private int neighbours(int n) {
        return Math.min(params.nNeighbors(), n - 1);
    }

    private UmapResult embed(float[] values, int d, KnnGraph knn, NearestNeighbors.Method method, long knnNanos,
                             EpochListener listener, Progress progress) {
        UmapParams p = params;
        int n = knn.n();
        try (Workers workers = new Workers(p.threads())) {
            long t1 = System.nanoTime();
            FuzzyGraph graph = FuzzyGraph.build(knn, workers);
            // umap-learn prunes with n_epochs, or with its default 200/500 when n_epochs <= 10
            int defaultEpochs = n <= 10_000 ? 500 : 200;
            int pruneEpochs = p.nEpochs() > 10 ? p.nEpochs() : defaultEpochs;
            graph = graph.prune(graph.maxWeight() / pruneEpochs);
            long t2 = System.nanoTime();

            Components comps = Components.of(graph);
            float[] layout = new float[2 * n];
            UmapResult.InitMethod init = initialLayout(graph, comps, values, d, layout);
            long t3 = System.nanoTime();

            double[] ab = CurveFit.fitAB(p.spread(), p.minDist());
            objectiveListener.accept(UmapObjective.of(graph, ab[0], ab[1]));
            listener.onEpoch(0, layout);
            LayoutOptimizer optimizer = new LayoutOptimizer(layout, graph, ab[0], ab[1], p);
            try (Progress.Task task = progress.start("epochs", p.nEpochs())) {
                optimizer.run(p, workers, listener, task);
            }
            long t4 = System.nanoTime();
            return new UmapResult(layout, method, knn.k(), init, comps.count(), ms(knnNanos), ms(t2 - t1),
                    ms(t3 - t2), ms(t4 - t3));
        }
    }

    /** Spectral (or random) layout scaled as umap-learn: max |coord| 10, N(0, 1e-4) noise, each axis onto [0, 10]. */
    private UmapResult.InitMethod initialLayout(FuzzyGraph graph, Components comps, float[] values, int d,
                                                float[] layout) {
        int n = graph.n;
        double[] spectral = SpectralInit.layout(graph, comps, values, d, Rng.of(params.seed(), 1));
        UmapResult.InitMethod method;
        if (spectral != null) {
            method = UmapResult.InitMethod.SPECTRAL;
            double max = 0;
            for (double v : spectral) {
                max = Math.max(max, Math.abs(v));
            }
            double expansion = max > 0 ? 10.0 / max : 1.0;
            Rng noise = Rng.of(params.seed(), 2);
            for (int i = 0; i < 2 * n; i++) {
                layout[i] = (float) (spectral[i] * expansion) + (float) (noise.nextGaussian() * 1e-4);
            }
        } else {
            method = UmapResult.InitMethod.RANDOM;
            Rng rng = Rng.of(params.seed(), 2);
            for (int i = 0; i < 2 * n; i++) {
                layout[i] = (float) (rng.nextDouble() * 20.0 - 10.0);
            }
        }
        for (int axis = 0; axis < 2; axis++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = axis; i < 2 * n; i += 2) {
                min = Math.min(min, layout[i]);
                max = Math.max(max, layout[i]);
            }
            float range = max - min;
            for (int i = axis; i < 2 * n; i += 2) {
                layout[i] = range > 0 ? 10f * (layout[i] - min) / range : 5f;
            }
        }
        return method;
    }

    /**
     * Initialises {@link SymmetricEigen}, which loads ARPACK and OpenBLAS (over a second on a
     * cold start), on a background thread so it overlaps the kNN search. Named by string:
     * touching the class here would initialise it on this thread.
     */
    private static void preloadNativesInBackground() {
        Thread t = new Thread(() -> {
            try {
                Class.forName(Umap.class.getPackageName() + ".SymmetricEigen", true, Umap.class.getClassLoader());
            } catch (Throwable ignored) {
                // the spectral layout will meet the same failure and fall back
            }
        }, "umap-native-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void checkInput(float[] values, int n, int d) {
        if (n < 3) {
            throw new IllegalArgumentException("UMAP needs at least 3 rows, got " + n);
        }
        if (d < 1) {
            throw new IllegalArgumentException("UMAP needs at least 1 column, got " + d);
        }
        if (values.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + " rows x " + d + " columns = " + (long) n * d
                    + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("row " + (i / d) + ", column " + (i % d) + " is " + v
                        + "; UMAP needs finite numbers");
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
