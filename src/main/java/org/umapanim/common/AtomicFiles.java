package org.umapanim.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Every output is written to a temporary file beside its target and renamed into place when
 * complete, so an interrupted run never leaves a truncated file that a later stage would trust.
 */
public final class AtomicFiles {
    /** Temporary files start with this, so a later run can recognise and remove leftovers. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /** Writes {@code target} by letting {@code writer} fill a temporary sibling, then renaming it. */
    public static void write(Path target, Writer writer) {
        Path tmp = temporarySibling(target);
        boolean done = false;
        try {
            writer.writeTo(tmp);
            moveIntoPlace(tmp, target);
            done = true;
        } catch (IOException | UncheckedIOException e) {
            throw new FileProblem(target, "cannot write: " + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * A new name beside {@code target} for its content in the making, in a folder that exists.
     * Not Files.createTempFile: its files are private (0600), and the outputs are for sharing;
     * the random part keeps parallel runs apart.
     */
    public static Path temporarySibling(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileProblem(target, "cannot create the folder " + dir + " (" + e.getMessage() + ")", e);
        }
        return dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
    }

    /** Renames a finished temporary file onto {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes an abandoned temporary file; a failure here must not hide the one that abandoned it. */
    public static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure is what the user needs to see
        }
    }

    @FunctionalInterface
    public interface Writer {
        /** Writes the complete content to {@code tmp}, a new name in the target's folder. */
        void writeTo(Path tmp) throws IOException;
    }
}
