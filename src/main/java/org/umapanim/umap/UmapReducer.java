package org.umapanim.umap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.reduce.DataProblem;
import org.umapanim.reduce.Fit;
import org.umapanim.reduce.Hooks;
import org.umapanim.reduce.Reducer;

/** UMAP as {@code prepare} runs it: {@link Umap} with one run's {@link UmapParams}. */
public final class UmapReducer implements Reducer {
    /** Its name on the command line and in the footer. */
    public static final String NAME = "umap";

    private final UmapParams params;

    public UmapReducer(UmapParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "UMAP";
    }

    @Override
    public String stepWord() {
        return Umap.STEP;
    }

    @Override
    public int steps() {
        return params.nEpochs();
    }

    /**
     * Also refuses fewer rows than the neighbour count (which includes the point itself), which
     * {@link Umap} alone would accept by shrinking the neighbourhood as umap-learn does.
     */
    @Override
    public void check(int n, int d) {
        if (n < params.nNeighbors()) {
            throw new DataProblem("has only " + n + " row" + (n == 1 ? "" : "s") + ", fewer than the neighbour count "
                    + params.nNeighbors() + " (use more rows or fewer neighbours)");
        }
        new Umap(params).check(n, d);
    }

    /** umap-learn's names under {@code umap.}; the SGD's key tells these files from those of an older sweep. */
    @Override
    public Map<String, String> settings() {
        UmapParams p = params;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("umap.n_neighbors", Integer.toString(p.nNeighbors()));
        m.put("umap.min_dist", Double.toString(p.minDist()));
        m.put("umap.spread", Double.toString(p.spread()));
        m.put("umap.n_epochs", Integer.toString(p.nEpochs()));
        m.put("umap.learning_rate", Double.toString(p.learningRate()));
        m.put("umap.repulsion_strength", Double.toString(p.repulsionStrength()));
        m.put("umap.negative_sample_rate", Integer.toString(p.negativeSampleRate()));
        m.put("umap.metric", p.metric().cliName());
        m.put("umap.init", p.init().toString());
        m.put("umap.pca", p.pca() > 0 ? Integer.toString(p.pca()) : "none");
        // one SGD now; the key tells these files from those of the one-thread sweep (value "deterministic")
        m.put("umap.sgd", "colour phases, the same on any number of threads");
        return m;
    }

    @Override
    public Fit fit(float[] values, int n, int d, EpochListener listener, Hooks hooks, Progress progress) {
        AtomicReference<String> neighbours = new AtomicReference<>("");
        UmapResult result = new Umap(params)
                .withNeighboursListener(found -> neighbours.set(hooks.neighbours().apply(found)))
                .withObjectiveListener(graph -> hooks.objective().accept(CrossEntropyEstimate.objective(graph)))
                .fit(values, n, d, listener, progress);
        return new Fit(result.layout(), phases(result), describe(result, neighbours.get()));
    }

    private List<Fit.Phase> phases(UmapResult r) {
        List<Fit.Phase> phases = new ArrayList<>();
        if (params.pca() > 0) {
            phases.add(new Fit.Phase("PCA", r.pcaMillis()));
        }
        phases.add(new Fit.Phase("kNN", r.knnMillis()));
        phases.add(new Fit.Phase("graph", r.graphMillis()));
        phases.add(new Fit.Phase("init", r.initMillis()));
        phases.add(new Fit.Phase("SGD", r.optimiseMillis()));
        return phases;
    }

    /**
     * "UMAP: kNN nn-descent, 15 neighbours (euclidean), recall 0.99 on 100 sampled rows; graph
     * 123,456 edges, 1 component; init spectral; a 1.577, b 0.895", {@code neighbours} being what
     * the caller measured of the neighbours (the recall here).
     */
    String describe(UmapResult fit, String neighbours) {
        String pca = params.pca() > 0 ? String.format(Locale.ROOT, "PCA to %d columns; ", params.pca()) : "";
        return String.format(Locale.ROOT, "UMAP: %skNN %s, %d neighbours (%s)%s; graph %,d edges, %d component%s; "
                        + "init %s; a %.3f, b %.3f",
                pca, fit.knnMethod().name().toLowerCase(Locale.ROOT).replace('_', '-'), fit.nNeighbors(),
                params.metric().cliName(), neighbours.isEmpty() ? "" : ", " + neighbours, fit.edges(),
                fit.components(), fit.components() == 1 ? "" : "s", fit.initMethod(), fit.a(), fit.b());
    }
}
