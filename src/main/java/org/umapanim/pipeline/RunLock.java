package org.umapanim.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.FileProblem;

/**
 * Keeps two runs from writing the same folders at once, and clears what a killed run left. An OS file lock rather than a PID file:
 * the operating system releases it when the process dies, so a killed run never blocks the next.
 */
final class RunLock implements AutoCloseable {
    static final String FILE_NAME = ".umap-anim.lock";

    private final List<FileChannel> channels = new ArrayList<>();

    private RunLock() {}

    /** Locks every folder in {@code outputDirs}, or refuses naming the one another run holds. */
    static RunLock acquire(List<Path> outputDirs) {
        RunLock lock = new RunLock();
        TreeSet<Path> dirs = new TreeSet<>();
        outputDirs.forEach(d -> dirs.add(d.toAbsolutePath().normalize()));
        try {
            for (Path dir : dirs) {
                lock.lock(dir);
            }
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void lock(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileProblem(dir, "is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileProblem(dir, "cannot create the folder: " + FileProblem.reason(e), e);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channels.add(channel);
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                throw new FileProblem(dir, "another umap-anim run is writing here; wait for it to finish"
                        + " (lock " + file.getFileName() + ")");
            }
            removeLeftovers(dir);
        } catch (IOException e) {
            throw new FileProblem(dir, "cannot write here (" + FileProblem.reason(e) + " on the lock file "
                    + FILE_NAME + ")", e);
        }
    }

    /** Temporary files of a run that was killed; with the lock held, no live run owns them. */
    private static void removeLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
            for (Path leftover : leftovers) {
                AtomicFiles.deleteTree(leftover);
            }
        }
    }

    @Override
    public void close() {
        for (FileChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // releasing a lock cannot usefully fail; the OS drops it at exit anyway
            }
        }
        channels.clear();
    }
}
