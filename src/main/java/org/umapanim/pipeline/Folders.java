package org.umapanim.pipeline;

import java.nio.file.Path;
import org.umapanim.render.RenderedFiles;

/** Where the stages read and write. */
public record Folders(Path data, Path frames, Path images, Path movie) {
    public static final Folders DEFAULT = new Folders(Path.of("data"), Path.of("frames"), Path.of("images"),
            Path.of("movies", "umap.mp4"));

    public static final String DIGITS = "digits.parquet";
    public static final String EPOCHS = "epochs.parquet";
    public static final String METRICS = "metrics.parquet";

    Path digits() {
        return data.resolve(DIGITS);
    }

    Path epochs() {
        return data.resolve(EPOCHS);
    }

    Path metrics() {
        return data.resolve(METRICS);
    }

    Path metricsChart() {
        return images.resolve(RenderedFiles.METRICS);
    }

    Path intro() {
        return images.resolve(RenderedFiles.INTRO);
    }

    Path combined() {
        return images.resolve(RenderedFiles.COMBINED);
    }

    /** The folder the movie goes into. */
    Path movieDir() {
        return movie.toAbsolutePath().getParent();
    }
}
