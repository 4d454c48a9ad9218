package org.umapanim.umap;

import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.knn.Components;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.Magnitude;
import org.umapanim.knn.NearestNeighbors;
import org.umapanim.knn.PrincipalComponents;
import org.umapanim.knn.Rng;
import org.umapanim.knn.Workers;
import org.umapanim.reduce.FoundNeighbours;

/**
 * UMAP to two dimensions, following umap-learn 0.5.x step by step (see docs/design.md §3): optional
 * PCA (uwot's {@code pca}), kNN, smooth kNN distances, fuzzy union, pruning, spectral (or PCA,
 * or random) initialisation, SGD. The listener sees the initial layout (epoch 0) and the layout
 * after every epoch; nothing is kept between calls.
 *
 * <p>Documented behaviour at the edges: fewer rows than n_neighbors + 1 shrinks n_neighbors to
 * rows − 1 (as umap-learn does; at least 3 rows are needed); identical rows are fine (all their
 * distances are 0, each gets membership 1); if ARPACK fails the layout starts uniformly random
 * in [-10, 10]² as in umap-learn. Non-finite values are rejected; finite values of any magnitude
 * work (see {@link Magnitude}). The same seed gives the same layout bit for bit on any number of
 * threads.
 */
public final class Umap {
    /** UMAP's word for one pass of the SGD over the graph's edges. */
    static final String STEP = "epoch";

    private final UmapParams params;
    private final java.util.function.Consumer<UmapObjective> objectiveListener;
    private final java.util.function.Consumer<FoundNeighbours> neighboursListener;

    public Umap(UmapParams params) {
        this(params, objective -> {}, found -> {});
    }

    private Umap(UmapParams params, java.util.function.Consumer<UmapObjective> objectiveListener,
                 java.util.function.Consumer<FoundNeighbours> neighboursListener) {
        this.params = java.util.Objects.requireNonNull(params, "params");
        this.objectiveListener = java.util.Objects.requireNonNull(objectiveListener, "objectiveListener");
        this.neighboursListener = java.util.Objects.requireNonNull(neighboursListener, "neighboursListener");
    }

    /**
     * The same engine, also handing {@code listener} UMAP's objective (the pruned fuzzy graph the
     * SGD works on and the curve's a, b) once per fit, before epoch 0: what a loss estimate needs.
     */
    public Umap withObjectiveListener(java.util.function.Consumer<UmapObjective> listener) {
        return new Umap(params, listener, neighboursListener);
    }

    /**
     * The same engine, also handing {@code listener} the neighbours of every row and the rows they
     * were found among (after the scaling and any PCA), once per fit before the graph is built.
     */
    public Umap withNeighboursListener(java.util.function.Consumer<FoundNeighbours> listener) {
        return new Umap(params, objectiveListener, listener);
    }

    public UmapParams params() {
        return params;
    }

    /**
     * Embeds n rows of d values (row-major) in 2-D, finding their neighbours the way umap-learn
     * would ({@link NearestNeighbors#search}), after reducing them to {@code pca} principal
     * components if asked.
     *
     * @throws IllegalArgumentException for fewer than 3 rows, a size mismatch, a NaN/infinite value
     *                                  or more principal components than columns
     */
    public UmapResult fit(float[] values, int n, int d, EpochListener listener, Progress progress) {
        java.util.Objects.requireNonNull(listener, "listener");
        java.util.Objects.requireNonNull(progress, "progress");
        checkInput(values, n, d);
        preloadNativesInBackground();
        long started = System.nanoTime();
        Held held = new Held();
        held.input = reduce(values, n, d);
        long reduced = System.nanoTime();
        held.knn = NearestNeighbors.search(held.input.values(), n, held.input.d(), neighbours(n), params.metric(),
                params.seed(), params.threads(), progress);
        return embed(held, NearestNeighbors.methodFor(n), reduced - started, System.nanoTime() - reduced, listener,
                progress);
    }

    /**
     * Embeds n rows of d values with neighbours found by the caller (umappp lets its callers do
     * the same): {@code knn} must hold every row's {@code min(n_neighbors, n − 1)} nearest, itself
     * first. The rows are still needed: a graph of several components is laid out by their means,
     * and a PCA initialisation by their principal components.
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
        long started = System.nanoTime();
        Held held = new Held();
        held.input = reduce(values, n, d);
        held.knn = knn;
        return embed(held, NearestNeighbors.Method.GIVEN, System.nanoTime() - started, 0, listener, progress);
    }

    /**
     * The rows UMAP works on and their neighbours, held here rather than in locals so that
     * {@link #embed} can drop them (with the fuzzy graph) once the SGD has its own arrays: a run
     * of a million rows × 32 columns then carries 120 MB of neighbour lists, 160 MB of graph and
     * up to 128 MB of scaled rows less through its SGD.
     */
    private static final class Held {
        Input input;
        KnnGraph knn;
    }

    /** The rows UMAP works on: the input brought to a moderate magnitude, or its principal component scores. */
    private record Input(float[] values, int d) {}

    private Input reduce(float[] values, int n, int d) {
        int pca = params.pca();
        try (Workers workers = new Workers(params.threads())) {
            float[] moderated = Magnitude.moderated(values, workers);
            return pca == 0 ? new Input(moderated, d)
                    : new Input(PrincipalComponents.scores(moderated, n, d, pca, workers), pca);
        }
    }

    /** umap-learn's rule: fewer rows than n_neighbors + 1 shrink the neighbourhood to the other rows. */
    private int neighbours(int n) {
        return Math.min(params.nNeighbors(), n - 1);
    }

    private UmapResult embed(Held held, NearestNeighbors.Method method, long pcaNanos, long knnNanos,
                             EpochListener listener, Progress progress) {
        UmapParams p = params;
        int n = held.knn.n();
        int k = held.knn.k();
        neighboursListener.accept(new FoundNeighbours(held.knn, held.input.values(), held.input.d(), p.metric()));
        try (Workers workers = new Workers(p.threads())) {
            long t1 = System.nanoTime();
            FuzzyGraph graph = FuzzyGraph.build(held.knn, workers);
            // umap-learn prunes with n_epochs, or with its default 200/500 when n_epochs <= 10
            int defaultEpochs = n <= 10_000 ? 500 : 200;
            int pruneEpochs = p.nEpochs() > 10 ? p.nEpochs() : defaultEpochs;
            graph = graph.prune(graph.maxWeight() / pruneEpochs);
            long t2 = System.nanoTime();

            // handed out before the initial layout, so a listener can start its own work while the
            // (single-threaded) spectral initialisation leaves cores free
            double[] ab = CurveFit.fitAB(p.spread(), p.minDist());
            UmapObjective objective = UmapObjective.of(graph, ab[0], ab[1]);
            objectiveListener.accept(objective);

            Components comps = Components.of(graph.n, graph.rowStart, graph.columns);
            float[] layout = new float[2 * n];
            InitMethod init = initialLayout(graph, comps, held.input, workers, layout);
            int components = comps.count();
            long edges = objective.edges();
            long t3 = System.nanoTime();
            listener.onEpoch(0, layout);
            LayoutOptimizer optimizer = new LayoutOptimizer(layout, graph, ab[0], ab[1], p);
            graph = null;
            comps = null;
            objective = null;
            held.input = null;
            held.knn = null;
            try (Progress.Task task = progress.start(STEP + "s", p.nEpochs())) {
                optimizer.run(p, workers, listener, task);
            }
            long t4 = System.nanoTime();
            return new UmapResult(layout, method, k, init, components, edges, ab[0], ab[1],
                    ms(pcaNanos), ms(knnNanos), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
        }
    }

    /**
     * The starting layout as umap-learn makes it: spectral or PCA coordinates scaled to max |coord|
     * 10 plus N(0, 1e-4) noise (its noisy_scale_coords), or uniform in [-10, 10]² (asked for, or
     * when the eigen solver fails); then each axis onto [0, 10].
     */
    private InitMethod initialLayout(FuzzyGraph graph, Components comps, Input input, Workers workers,
                                     float[] layout) {
        int n = graph.n;
        double[] coords = switch (params.init()) {
            case SPECTRAL -> SpectralInit.layout(graph, comps, input.values(), input.d(), Rng.of(params.seed(), 1));
            case PCA -> firstTwoComponents(input, n, workers);
            case RANDOM -> null;
        };
        InitMethod method = coords == null ? InitMethod.RANDOM : params.init();
        if (coords != null) {
            double max = 0;
            for (double v : coords) {
                max = Math.max(max, Math.abs(v));
            }
            double expansion = max > 0 ? 10.0 / max : 1.0;
            Rng noise = Rng.of(params.seed(), 2);
            for (int i = 0; i < 2 * n; i++) {
                layout[i] = (float) (coords[i] * expansion) + (float) (noise.nextGaussian() * 1e-4);
            }
        } else {
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

    /** The scores on the first two principal components: already there when the data were reduced by PCA. */
    private double[] firstTwoComponents(Input input, int n, Workers workers) {
        float[] scores = params.pca() > 0 ? input.values() : PrincipalComponents.scores(input.values(), n, input.d(), 2, workers);
        int stride = params.pca() > 0 ? input.d() : 2;
        double[] coords = new double[2 * n];
        for (int i = 0; i < n; i++) {
            coords[2 * i] = scores[i * stride];
            coords[2 * i + 1] = scores[i * stride + 1];
        }
        return coords;
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

    /**
     * Checks that these parameters can embed n rows of d columns, so a caller can refuse bad
     * input before it writes anything; {@link #fit} checks the same.
     *
     * @throws IllegalArgumentException for fewer than 3 rows or 1 column, or more principal
     *                                  components than columns
     */
    public void check(int n, int d) {
        if (n < 3) {
            throw new IllegalArgumentException("UMAP needs at least 3 rows, got " + n);
        }
        if (d < 1) {
            throw new IllegalArgumentException("UMAP needs at least 1 column, got " + d);
        }
        int pca = params.pca();
        if (pca > 0 && pca >= d) {
            throw new IllegalArgumentException("pca must be fewer than the data's " + d + " columns, got " + pca);
        }
        int columns = pca > 0 ? pca : d;
        if (params.init() == InitMethod.PCA && columns < 2) {
            throw new IllegalArgumentException("a PCA initialisation needs at least 2 columns, the data have " + columns);
        }
    }

    private void checkInput(float[] values, int n, int d) {
        check(n, d);
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
