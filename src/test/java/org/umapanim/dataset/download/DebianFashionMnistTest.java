package org.umapanim.dataset.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.Progress;

/**
 * The real Fashion-MNIST files, from Debian's {@code dataset-fashion-mnist} package, served by a
 * local mirror: proves the pinned checksums are those of the real files and that they are the
 * IDX files we expect. Skipped when the package is not installed.
 *
 * <p>Debian ships the authors' files with the gzip header trimmed (no file name, another time
 * stamp; the compressed data is untouched). Putting back the header the authors' files have gives
 * their exact bytes, which is what a mirror serves.
 */
class DebianFashionMnistTest {
    static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The modification times in the authors' gzip headers (2017-08-31). */
    private static final Map<String, Integer> UPSTREAM_MTIME = Map.of(
            "train-images-idx3-ubyte.gz", 1504176606,
            "train-labels-idx1-ubyte.gz", 1504176606,
            "t10k-images-idx3-ubyte.gz", 1504176627,
            "t10k-labels-idx1-ubyte.gz", 1504176627);

    @TempDir
    Path cache;

    @Test
    void theRealFilesMatchThePinnedChecksumsAndAreIdxFiles() throws Exception {
        List<RemoteFile> files = KnownDataset.FASHION_MNIST.files();
        assumeTrue(files.stream().allMatch(f -> Files.isRegularFile(DEBIAN_DIR.resolve(f.name()))),
                "Debian package dataset-fashion-mnist is not installed");

        try (LocalMirror mirror = new LocalMirror()) {
            for (RemoteFile file : files) {
                byte[] debian = Files.readAllBytes(DEBIAN_DIR.resolve(file.name()));
                mirror.on(file.name(), LocalMirror.serve(withUpstreamHeader(debian, file.name())));
            }
            Downloader downloader = new Downloader(cache, List.of(mirror.url()), Progress.NONE, Duration.ofSeconds(10));

            LocalFiles local = downloader.fetch(KnownDataset.FASHION_MNIST);

            Path folder = cache.resolve("fashion-mnist");
            assertThat(local).isEqualTo(new LocalFiles(
                    folder.resolve("train-images-idx3-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte.gz"),
                    folder.resolve("t10k-images-idx3-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte.gz")));
            for (RemoteFile file : files) {
                assertThat(Sha256.of(folder.resolve(file.name()))).isEqualTo(file.sha256());
            }
            assertImages(local.trainImages(), 60_000);
            assertLabels(local.trainLabels(), 60_000);
            assertImages(local.testImages(), 10_000);
            assertLabels(local.testLabels(), 10_000);
            assertThat(mirror.requests()).hasSize(4);

            downloader.fetch(KnownDataset.FASHION_MNIST);
            assertThat(mirror.requests()).as("the second run uses the cache").hasSize(4);
        }
    }

    /** Puts back the authors' gzip header: flag FNAME, their time stamp, the name without ".gz". */
    static byte[] withUpstreamHeader(byte[] debian, String name) {
        // Debian's header is the bare ten bytes: magic, deflate, no flags, time, XFL 0, OS 3 (Unix).
        assertThat(debian).startsWith(0x1f, 0x8b, 8, 0);
        assertThat(debian[8]).isZero();
        assertThat(debian[9]).isEqualTo((byte) 3);
        byte[] fileName = (name.substring(0, name.length() - ".gz".length()) + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] result = new byte[debian.length + fileName.length];
        System.arraycopy(debian, 0, result, 0, 10);
        result[3] = 8;
        int mtime = UPSTREAM_MTIME.get(name);
        for (int i = 0; i < 4; i++) {
            result[4 + i] = (byte) (mtime >>> (8 * i));
        }
        System.arraycopy(fileName, 0, result, 10, fileName.length);
        System.arraycopy(debian, 10, result, 10 + fileName.length, debian.length - 10);
        return result;
    }

    private static void assertImages(Path file, int count) throws IOException {
        try (DataInputStream in = gunzip(file)) {
            assertThat(in.readInt()).as("magic of %s", file).isEqualTo(0x803);
            assertThat(in.readInt()).isEqualTo(count);
            assertThat(in.readInt()).isEqualTo(28);
            assertThat(in.readInt()).isEqualTo(28);
            assertThat(in.transferTo(OutputStreamSink.INSTANCE)).isEqualTo((long) count * 28 * 28);
        }
    }

    private static void assertLabels(Path file, int count) throws IOException {
        try (DataInputStream in = gunzip(file)) {
            assertThat(in.readInt()).as("magic of %s", file).isEqualTo(0x801);
            assertThat(in.readInt()).isEqualTo(count);
            byte[] labels = in.readAllBytes();
            assertThat(labels).hasSize(count);
            int[] perClass = new int[10];
            for (byte label : labels) {
                perClass[label]++;
            }
            // Fashion-MNIST is balanced: 6,000 (train) or 1,000 (test) of each class.
            assertThat(perClass).containsOnly(count / 10);
        }
    }

    private static DataInputStream gunzip(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    }

    /** Counts and forgets. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
