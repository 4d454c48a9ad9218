package org.umapanim.tsne;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.common.SettingProblem;
import org.umapanim.knn.KnnGraph;
import org.umapanim.knn.NearestNeighbors;
import org.umapanim.knn.PrincipalComponents;
import org.umapanim.knn.Workers;
import org.umapanim.reduce.FoundNeighbours;
import org.umapanim.reduce.Fit;
import org.umapanim.reduce.Hooks;
import org.umapanim.reduce.Reducer;

/**
 * t-SNE as {@code prepare} runs it, after openTSNE ≥ 0.7 ({@link TsneParams}): the k =
 * 3·perplexity nearest neighbours by {@code knn.NearestNeighbors}, the {@link Affinities}, the
 * start ({@link TsneStart}), then {@link TsneOptimizer}, which hands every iteration's layout to
 * the listener and its loss to the measures ({@link TsneObjective}).
 */
public final class TsneReducer implements Reducer {
    /** Its name on the command line and in the footer. */
    public static final String NAME = "tsne";
    /** One step of the gradient descent over all points. */
    static final String STEP = "iteration";

    private final TsneParams params;

    public TsneReducer(TsneParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "t-SNE";
    }

    @Override
    public String stepWord() {
        return STEP;
    }

    @Override
    public int steps() {
        return params.iterations();
    }

    /** Refuses a perplexity the rows cannot give (3·perplexity neighbours besides each row), naming the largest that works. */
    @Override
    public void check(int n, int d) {
        if (params.neighbours() >= n) {
            int largest = TsneParams.largestPerplexity(n);
            throw new SettingProblem("perplexity", largest < 1
                    ? "needs 3·perplexity neighbours besides each row: " + n + " row" + (n == 1 ? " is" : "s are") + " too few"
                    : String.format(Locale.ROOT, "%s needs %d neighbours besides each row (3·perplexity), more than %d rows"
                            + " allow; the largest that works is %d", plain(params.perplexity()), params.neighbours(), n,
                            largest));
        }
    }

    @Override
    public Map<String, String> settings() {
        TsneParams p = params;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tsne.perplexity", plain(p.perplexity()));
        m.put("tsne.neighbors", Integer.toString(p.neighbours()));
        m.put("tsne.iterations", Integer.toString(p.iterations()));
        m.put("tsne.early_exaggeration", plain(p.earlyExaggeration()));
        m.put("tsne.early_exaggeration_iterations", Integer.toString(p.earlyExaggerationIterations()));
        m.put("tsne.exaggeration", plain(p.exaggeration()));
        m.put("tsne.learning_rate", p.learningRate() == TsneSchedule.AUTO ? "auto" : plain(p.learningRate()));
        m.put("tsne.momentum", plain(p.schedule().momentum()));
        m.put("tsne.max_step_norm", plain(p.schedule().maxStepNorm()));
        m.put("tsne.init", p.init().toString());
        m.put("tsne.pca", p.pca() > 0 ? Integer.toString(p.pca()) : "none");
        m.put("tsne.metric", p.metric().cliName());
        m.put("tsne.repulsion", "exact below " + TsneOptimizer.EXACT_BELOW + " rows, else FFT interpolation ("
                + FftRepulsion.NODES + " nodes per interval, at least " + FftRepulsion.MIN_INTERVALS
                + " intervals of width at most 1)");
        return m;
    }

    @Override
    public Fit fit(float[] values, int n, int d, EpochListener listener, Hooks hooks, Progress progress) {
        if (values.length != (long) n * d) {
            throw new IllegalArgumentException("values must hold n*d = " + (long) n * d + " numbers");
        }
        check(n, d);
        List<Fit.Phase> phases = new ArrayList<>();
        try (Workers workers = new Workers(params.threads())) {
            long t0 = System.nanoTime();
            boolean reduce = params.pca() > 0 && params.pca() < d;
            float[] rows = reduce ? PrincipalComponents.scores(values, n, d, params.pca(), workers) : values;
            int cols = reduce ? params.pca() : d;
            long tPca = System.nanoTime();
            KnnGraph knn = NearestNeighbors.search(rows, n, cols, params.neighbours() + 1, params.metric(), params.seed(),
                    params.threads(), progress);
            String neighbours = hooks.neighbours().apply(new FoundNeighbours(knn, rows, cols, params.metric()));
            long t1 = System.nanoTime();
            Affinities p = Affinities.of(knn, params.perplexity(), workers);
            long t2 = System.nanoTime();
            boolean pca = params.init() == TsneInit.PCA && cols >= 2;
            float[] start = pca ? TsneStart.rescaled(firstTwo(rows, n, cols, reduce, workers)) : TsneStart.random(n, params.seed());
            long t3 = System.nanoTime();
            TsneObjective objective = new TsneObjective(p);
            hooks.objective().accept(objective);
            TsneOptimizer optimizer = new TsneOptimizer(p, params.schedule(), workers);
            float[] layout = optimizer.run(start, (t, xy) -> {
                objective.onLayout(t, xy);
                listener.onEpoch(t, xy);
            }, objective, progress);
            long t4 = System.nanoTime();
            if (reduce) {
                phases.add(new Fit.Phase("PCA", ms(tPca - t0)));
            }
            phases.add(new Fit.Phase("kNN", ms(t1 - tPca)));
            phases.add(new Fit.Phase("affinities", ms(t2 - t1)));
            phases.add(new Fit.Phase("init", ms(t3 - t2)));
            phases.add(new Fit.Phase("gradient descent", ms(t4 - t3)));
            String description = String.format(Locale.ROOT,
                    "t-SNE: %skNN %s, %d neighbours (%s)%s; affinities %,d entries at perplexity %s; init %s; "
                            + "repulsion %s",
                    reduce ? "PCA to " + cols + " columns; " : "", NearestNeighbors.methodFor(n).name().toLowerCase(Locale.ROOT).replace('_', '-'), params.neighbours(),
                    params.metric().cliName(), neighbours.isEmpty() ? "" : ", " + neighbours, p.entries(),
                    plain(params.perplexity()), pca ? "pca" : "random", n < TsneOptimizer.EXACT_BELOW ? "exact" : "FFT");
            return new Fit(layout, phases, description);
        }
    }

    /** The first two principal components: the leading scores of the PCA already done, else their own. */
    private static float[] firstTwo(float[] rows, int n, int cols, boolean reduced, Workers workers) {
        if (!reduced) {
            return PrincipalComponents.scores(rows, n, cols, 2, workers);
        }
        float[] two = new float[2 * n];
        for (int i = 0; i < n; i++) {
            two[2 * i] = rows[i * cols];
            two[2 * i + 1] = rows[i * cols + 1];
        }
        return two;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** 30 as "30", 0.5 as "0.5". */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
