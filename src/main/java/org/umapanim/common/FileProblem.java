package org.umapanim.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A problem with a file the user gave us or asked us to write: the CLI prints it as the one line
 * {@code umap-anim: <file>: <problem>} and exits 1, without a stack trace.
 */
public class FileProblem extends RuntimeException {
    private final java.nio.file.Path file;

    /** A problem with {@code file}; one still in the making is named as the output it becomes. */
    public FileProblem(java.nio.file.Path file, String problem) {
        super(problem);
        this.file = AtomicFiles.outputOf(file);
    }

    public FileProblem(java.nio.file.Path file, String problem, Throwable cause) {
        super(problem, cause);
        this.file = AtomicFiles.outputOf(file);
    }

    public java.nio.file.Path file() {
        return file;
    }

    public String problem() {
        return getMessage();
    }

    /**
     * Why an I/O operation failed, in words: Java's exceptions for a missing file, a denied
     * permission or a full disk carry only the path (or the OS's reason) as their message, which
     * printed after the path reads as "cannot read: /same/path".
     */
    public static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("No space left on device")) {
            return "no space left on device";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public String toString() {
        return file + ": " + getMessage();
    }
}
