package org.umapanim.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Every output is written to a temporary file beside its target and renamed into place when
 * complete, so an interrupted run never leaves a truncated file that a later stage would trust.
 */
public final class AtomicFiles {
    /** Temporary files start with this, so a later run can recognise and remove leftovers. */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {}

    /** Writes {@code target} by letting {@code writer} fill a temporary sibling, then renaming it. */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, TEMP_PREFIX + target.getFileName() + "-", "");
        } catch (IOException e) {
            throw new FileProblem(target, "cannot create a file in " + dir + " (" + e.getMessage() + ")", e);
        }
        boolean done = false;
        try {
            // Some writers (Parquet) refuse to overwrite an existing file.
            Files.delete(tmp);
            writer.writeTo(tmp);
            move(tmp, target);
            done = true;
        } catch (IOException | UncheckedIOException e) {
            throw new FileProblem(target, "cannot write: " + e.getMessage(), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @FunctionalInterface
    public interface Writer {
        /** Writes the complete content to {@code tmp}, which does not exist yet. */
        void writeTo(Path tmp) throws IOException;
    }
}
