package org.umapanim.cli;

import java.nio.file.Path;
import java.util.List;
import org.umapanim.pipeline.Folders;
import picocli.CommandLine.Option;

/** Where the stages read and write; each command mixes in the folders it uses. */
@HelpSection(HelpSection.Part.FOLDERS)
final class FolderOptions {
    private FolderOptions() {}

    static final class DataDir {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of digits.parquet and epochs.parquet (default: ${DEFAULT-VALUE}).")
        Path dataDir = Folders.DEFAULT.data();
    }

    static final class FramesDir {
        @Option(names = "--frames-dir", paramLabel = "DIR", description = "Folder of the frames combined-NNNNNN.png (default: ${DEFAULT-VALUE}).")
        Path framesDir = Folders.DEFAULT.frames();
    }

    static final class ImagesDir {
        @Option(names = "--images-dir", paramLabel = "DIR", description = "Folder of intro.png and combined.png (default: ${DEFAULT-VALUE}).")
        Path imagesDir = Folders.DEFAULT.images();
    }

    @HelpSection(HelpSection.Part.MOVIE)
    static final class Movie {
        @Option(names = "--movie", paramLabel = "FILE", description = "A movie to write, its format from its name: .mp4 (H.264), .webm (VP9) or .gif; repeat it for several from one set of frames (default: movies/umap.mp4).")
        List<Path> movies;
    }

    @HelpSection(HelpSection.Part.VIEWER)
    static final class Html {
        @Option(names = "--html", paramLabel = "FILE", description = "The HTML viewer to write (default: ${DEFAULT-VALUE}).")
        Path html = Folders.DEFAULT.html();
    }

    /** The folders a command was given; those it has no option for keep their defaults. */
    static Folders of(DataDir data, FramesDir frames, ImagesDir images, Movie movie, Html html) {
        Folders d = Folders.DEFAULT;
        return new Folders(data == null ? d.data() : data.dataDir, frames == null ? d.frames() : frames.framesDir,
                images == null ? d.images() : images.imagesDir,
                movie == null || movie.movies == null ? d.movies() : movie.movies,
                html == null ? d.html() : html.html);
    }
}
