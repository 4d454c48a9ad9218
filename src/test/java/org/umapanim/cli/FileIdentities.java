package org.umapanim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.umapanim.common.Checksums;

/**
 * Each file's content (SHA-256) and inode: a file that kept both was neither rewritten nor
 * replaced (the outputs are written aside and renamed into place, which gives a new inode), so a
 * stage that says it kept or resumed them can be checked on the files themselves.
 */
final class FileIdentities {
    private FileIdentities() {}

    static Map<String, String> of(Collection<Path> files) throws IOException {
        Map<String, String> ids = new TreeMap<>();
        for (Path f : files) {
            ids.put(f.getFileName().toString(), Checksums.sha256(f) + " inode " + Files.getAttribute(f, "unix:ino"));
        }
        return ids;
    }

    /** The three files prepare makes in {@code data}. */
    static Map<String, String> embedding(Path data) throws IOException {
        return of(java.util.List.of(data.resolve("digits.parquet"), data.resolve("epochs.parquet"),
                data.resolve("metrics.parquet")));
    }
}
