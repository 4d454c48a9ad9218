package org.umapanim.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparedRunsTest {
    private static Map<String, String> umap(String neighbours, String minDist, String seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("umap.min_dist", minDist);
        m.put("umap.n_neighbors", neighbours);
        m.put("umap.n_epochs", "200");
        m.put("umap.seed", seed);
        m.put("umap.threads", "8");
        return m;
    }

    private static Map<String, String> tsne(String perplexity) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("umap-anim.reducer", "tsne");
        m.put("umap-anim.step", "iteration");
        m.put("tsne.early_exaggeration", "12.0");
        m.put("tsne.perplexity", perplexity);
        return m;
    }

    @Test
    void runsOfOneReducerAreNamedByTheSettingsThatDiffer() {
        assertThat(ComparedRuns.headings(List.of(umap("5", "0.1", "42"), umap("50", "0.1", "42"))))
                .containsExactly("UMAP · 5 neighbours", "UMAP · 50 neighbours");
        assertThat(ComparedRuns.headings(List.of(umap("15", "0.1", "1"), umap("15", "0.5", "2"))))
                .containsExactly("UMAP · min-dist 0.1 · seed 1", "UMAP · min-dist 0.5 · seed 2");
    }

    @Test
    void runsOfAnotherSeedAreNamedByIt() {
        Map<String, String> a = umap("15", "0.1", "1");
        Map<String, String> b = umap("15", "0.1", "2");
        a.remove("umap.seed");   // as the reducer seam records it: the seed under its own key
        b.remove("umap.seed");
        a.put("seed", "1");
        b.put("seed", "2");
        assertThat(ComparedRuns.headings(List.of(a, b))).containsExactly("UMAP · seed 1", "UMAP · seed 2");
    }

    @Test
    void runsOfTwoReducersNameTheirMainSetting() {
        Map<String, String> old = umap("15", "0.1", "42");   // a file from before the seam: no reducer key, UMAP
        assertThat(ComparedRuns.headings(List.of(old, tsne("30.0"))))
                .containsExactly("UMAP · 15 neighbours", "t-SNE · perplexity 30");
        assertThat(ComparedRuns.headings(List.of(old, tsne("30.0"), tsne("5.0"))))
                .containsExactly("UMAP · 15 neighbours", "t-SNE · perplexity 30", "t-SNE · perplexity 5");
    }

    @Test
    void runsThatDifferInNothingRecordedAreNumbered() {
        assertThat(ComparedRuns.headings(List.of(umap("15", "0.1", "42"), umap("15", "0.1", "42"))))
                .containsExactly("UMAP · run 1", "UMAP · run 2");
    }
}
