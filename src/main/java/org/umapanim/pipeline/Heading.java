package org.umapanim.pipeline;

import java.util.Map;
import java.util.Objects;

/**
 * The title and subtitle of the frames and the viewer: an option given wins, else what prepare
 * recorded for the data set in the epochs file's footer, else plain words for a file another tool wrote.
 */
record Heading(String title, String subtitle) {
    private static final String PLAIN_TITLE = "Data embedded into two dimensions by UMAP";
    private static final String PLAIN_SUBTITLE = "Each point is a row of the data";

    static Heading of(String title, String subtitle, Map<String, String> recorded) {
        return new Heading(Objects.requireNonNullElse(title, recorded.getOrDefault("title", PLAIN_TITLE)),
                Objects.requireNonNullElse(subtitle, recorded.getOrDefault("subtitle", PLAIN_SUBTITLE)));
    }
}
