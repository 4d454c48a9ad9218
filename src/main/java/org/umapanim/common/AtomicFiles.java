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
        } catch (IOException e) {
            throw new FileProblem(target, "cannot write: " + FileProblem.reason(e), e);
        } catch (UncheckedIOException e) {
            throw new FileProblem(target, "cannot write: " + FileProblem.reason(e.getCause()), e);
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
            throw new FileProblem(target, "cannot create the folder " + dir + ": " + FileProblem.reason(e), e);
        }
        return dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
    }

    /**
     * The output {@code file} becomes: itself, or for a file in the making (written aside, or
     * staged in a batch) the target it will be renamed onto, which is the name a user knows.
     */
    public static Path outputOf(Path file) {
        if (file == null || file.getFileName() == null) {
            return file;
        }
        Path parent = file.getParent();
        if (parent != null && parent.getFileName() != null
                && parent.getFileName().toString().startsWith(TEMP_PREFIX + "batch-")) {
            return parent.resolveSibling(file.getFileName());
        }
        String name = file.getFileName().toString();
        int random = name.lastIndexOf('-');
        if (name.startsWith(TEMP_PREFIX) && random > TEMP_PREFIX.length() && name.substring(random + 1).matches("[0-9a-z]+")) {
            return file.resolveSibling(name.substring(TEMP_PREFIX.length(), random));
        }
        return file;
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

    /** Removes a temporary file or folder (a {@link Batch} left by a killed run) with all it holds. */
    public static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var entries = Files.list(path)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    deleteTree(entry);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    /**
     * Outputs that belong together (digits.parquet and epochs.parquet): each is written in full in
     * a temporary folder beside the targets, then {@link #commit} renames them into place one after
     * another. A run that fails or is killed before that leaves every old file as it was; one killed
     * between two renames leaves files that say (in their run identity) they do not belong together.
     */
    public static final class Batch implements AutoCloseable {
        private final Path staging;

        private Batch(Path staging) {
            this.staging = staging;
        }

        /** A batch of outputs for the folder {@code dir}. */
        public static Batch in(Path dir) {
            Path staging = temporarySibling(dir.resolve("batch"));
            try {
                Files.createDirectory(staging);
            } catch (IOException e) {
                throw new FileProblem(dir, "cannot write here: " + FileProblem.reason(e), e);
            }
            return new Batch(staging);
        }

        /** Where to write {@code target} until the commit. */
        public Path staged(Path target) {
            return staging.resolve(target.getFileName());
        }

        /** Renames every staged file onto its target, in the order given. */
        public void commit(java.util.List<Path> targets) {
            for (Path target : targets) {
                try {
                    moveIntoPlace(staged(target), target);
                } catch (IOException e) {
                    throw new FileProblem(target, "cannot rename into place: " + FileProblem.reason(e), e);
                }
            }
            close();
        }

        /** Without {@link #commit}: abandons the batch, deleting what was staged. */
        @Override
        public void close() {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // a leftover temporary folder is removed by the next run that takes the lock
            }
        }
    }

    @FunctionalInterface
    public interface Writer {
        /** Writes the complete content to {@code tmp}, a new name in the target's folder. */
        void writeTo(Path tmp) throws IOException;
    }
}
