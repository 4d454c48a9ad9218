package org.umapanim.common;

import java.nio.file.Path;

/**
 * A problem with a file the user gave us or asked us to write: the CLI prints it as the one line
 * {@code umap-anim: <file>: <problem>} and exits 1, without a stack trace.
 */
public class FileProblem extends RuntimeException {
    private final Path file;

    public FileProblem(Path file, String problem) {
        super(problem);
        this.file = file;
    }

    public FileProblem(Path file, String problem, Throwable cause) {
        super(problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public String problem() {
        return getMessage();
    }

    @Override
    public String toString() {
        return file + ": " + getMessage();
    }
}
