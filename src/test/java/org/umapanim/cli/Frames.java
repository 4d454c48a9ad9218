package org.umapanim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The numbered frames in a folder, as the tests count them. */
final class Frames {
    private Frames() {}

    static List<Path> in(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("combined-\\d{6}\\.png")).sorted().toList();
        }
    }

    static int count(Path dir) throws IOException {
        return in(dir).size();
    }
}
