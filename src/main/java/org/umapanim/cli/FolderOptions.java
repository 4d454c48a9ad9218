package org.umapanim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the stages read and write; each command mixes in the folders it uses. */
final class FolderOptions {
    private FolderOptions() {}

    static final class DataDir {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of digits.parquet and epochs.parquet (default: ${DEFAULT-VALUE}).")
        Path dataDir = Path.of("data");

        Path digits() {
            return dataDir.resolve("digits.parquet");
        }

        Path epochs() {
            return dataDir.resolve("epochs.parquet");
        }
    }

    static final class FramesDir {
        @Option(names = "--frames-dir", paramLabel = "DIR", description = "Folder of the frames combined-NNNNNN.png (default: ${DEFAULT-VALUE}).")
        Path framesDir = Path.of("frames");
    }

    static final class ImagesDir {
        @Option(names = "--images-dir", paramLabel = "DIR", description = "Folder of intro.png and combined.png (default: ${DEFAULT-VALUE}).")
        Path imagesDir = Path.of("images");
    }

    static final class Movie {
        @Option(names = "--movie", paramLabel = "FILE", description = "The MP4 movie to write (default: ${DEFAULT-VALUE}).")
        Path movie = Path.of("movies", "umap.mp4");

        Path dir() {
            return movie.toAbsolutePath().getParent();
        }
    }
}
