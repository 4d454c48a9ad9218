package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.umapanim.encode.MovieFormat;
import org.umapanim.render.RenderedFiles;

/** Where the stages read and write: one set of frames, any number of movies made from it. */
public record Folders(Path data, Path frames, Path images, List<Path> movies) {
    public static final Folders DEFAULT = new Folders(Path.of("data"), Path.of("frames"), Path.of("images"),
            List.of(Path.of("movies", "umap.mp4")));

    public static final String DIGITS = "digits.parquet";
    public static final String EPOCHS = "epochs.parquet";

    /** Checks the movies' names: each once, each in a format the name says (.mp4, .webm, .gif). */
    public Folders {
        movies = List.copyOf(movies);
        if (movies.isEmpty()) {
            throw new IllegalArgumentException("--movie: at least one movie is needed");
        }
        if (new HashSet<>(movies.stream().map(m -> m.toAbsolutePath().normalize()).toList()).size() != movies.size()) {
            throw new IllegalArgumentException("--movie: the same movie is named twice in " + movies);
        }
        movies.forEach(MovieFormat::of);
    }

    Path digits() {
        return data.resolve(DIGITS);
    }

    Path epochs() {
        return data.resolve(EPOCHS);
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
}
