package org.umapanim.pipeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.reduce.Reducer;
import org.umapanim.store.RecordedReducer;

/**
 * What every Parquet footer of a prepared run records, so a file says how it was made: the data,
 * the title, the reducer with its word for a step and its settings, the seed, the normalisation.
 */
final class RunFooter {
    static final String SEED = "seed";
    static final String THREADS = "threads";
    static final String CREATED = "created";

    private RunFooter() {}

    static Map<String, String> of(InputData input, Reducer reducer, PrepareSettings settings, String runId,
                                  Instant created) {
        Dataset data = input.dataset();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("umap-anim.version", Version.current());
        m.put(RunIdentity.KEY, runId);
        m.put("dataset.name", data.name());
        m.put("dataset.sha256", data.sha256());
        m.put("dataset.rows", Integer.toString(data.rows()));
        m.put("dataset.selection", input.selection());
        if (data.matrix() != null) {
            m.put("dataset.matrix", data.matrix());
        }
        m.put("title", input.title(reducer));
        m.put("subtitle", input.subtitle());
        new RecordedReducer(reducer.name(), reducer.stepWord()).putInto(m);
        m.putAll(reducer.settings());
        m.put(SEED, Long.toString(settings.compute().seed()));
        m.put(THREADS, Integer.toString(settings.compute().threads()));
        m.put("normalisation", settings.stretch() ? "stretch" : "aspect");
        m.put(CREATED, created.toString());
        return m;
    }

    /**
     * Everything in {@code footer} that changes the outputs, for the stage stamp. The creation time
     * does not, nor does the thread count: the reducers give the same layout on any.
     */
    static Map<String, String> fingerprintInputs(Map<String, String> footer) {
        Map<String, String> inputs = new LinkedHashMap<>(footer);
        inputs.remove(CREATED);
        inputs.remove(RunIdentity.KEY);
        inputs.remove(THREADS);
        return inputs;
    }
}
