package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.umapanim.common.SettingProblem;
import org.umapanim.encode.MovieFormat;
import org.umapanim.render.RenderedFiles;

/** Where the stages read and write: one set of frames, any number of movies made from it, the viewer. */
public record Folders(Path data, Path frames, Path images, List<Path> movies, Path html) {
    public static final Folders DEFAULT = new Folders(Path.of("data"), Path.of("frames"), Path.of("images"),
            List.of(Path.of("movies", "umap.mp4")), Path.of("movies", "umap.html"));

    public static final String DIGITS = "digits.parquet";
    public static final String EPOCHS = "epochs.parquet";
    public static final String METRICS = "metrics.parquet";

    /** Checks the movies' names: each once, each in a format the name says (.mp4, .webm, .gif). */
    public Folders {
        movies = List.copyOf(movies);
        if (movies.isEmpty()) {
            throw new SettingProblem("movies", "must name at least one movie");
        }
        if (new HashSet<>(movies.stream().map(m -> m.toAbsolutePath().normalize()).toList()).size() != movies.size()) {
            throw new SettingProblem("movies", "names the same movie twice: " + movies);
        }
        movies.forEach(MovieFormat::of);
    }

    /** The same folders with another data folder. */
    public Folders withData(Path dir) {
        return new Folders(dir, frames, images, movies, html);
    }

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

    /** The folders the movies go into. */
    List<Path> movieDirs() {
        return movies.stream().map(Folders::movieDir).distinct().toList();
    }

    static Path movieDir(Path movie) {
        return movie.toAbsolutePath().getParent();
    }

    /** The folder the viewer goes into. */
    Path htmlDir() {
        return html.toAbsolutePath().getParent();
    }
}
