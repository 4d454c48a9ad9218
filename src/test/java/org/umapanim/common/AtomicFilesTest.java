package org.umapanim.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/out.txt");
        AtomicFiles.write(target, tmp -> Files.writeString(tmp, "complete"));
        assertThat(target).hasContent("complete");
        assertThat(siblings(target.getParent())).containsExactly(target);
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesTheTemporaryOne() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        })).isInstanceOf(FileProblem.class).hasMessageContaining("disk full");
        assertThat(target).hasContent("old");
        assertThat(siblings(dir)).containsExactly(target);
    }

    @Test
    void outputsAreAsReadableAsAnyNewFile() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, tmp -> Files.writeString(tmp, "x"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ);
    }

    private static List<Path> siblings(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
