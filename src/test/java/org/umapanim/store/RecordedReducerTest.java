package org.umapanim.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedReducerTest {
    @Test
    void aFooterWithoutTheKeysWasWrittenByUmap() {
        assertThat(RecordedReducer.of(Map.of("dataset.name", "old"))).isEqualTo(new RecordedReducer("umap", "epoch"));
    }

    @Test
    void whatIsRecordedReadsBack() {
        Map<String, String> footer = new HashMap<>();
        new RecordedReducer("tsne", "iteration").putInto(footer);
        assertThat(footer).containsEntry("umap-anim.reducer", "tsne").containsEntry("umap-anim.step", "iteration");
        assertThat(RecordedReducer.of(footer)).isEqualTo(new RecordedReducer("tsne", "iteration"));
    }
}
