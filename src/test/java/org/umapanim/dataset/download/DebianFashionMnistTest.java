package org.umapanim.dataset.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.Checksums;
import org.umapanim.common.Progress;

/**
 * The real Fashion-MNIST files, from Debian's {@code dataset-fashion-mnist} package, served by a
 * local mirror: proves the pinned checksums are those of the real files and that they are the
 * IDX files we expect. Skipped when the package is not installed.
 */
class DebianFashionMnistTest {
    @TempDir
    Path cache;

    @Test
    void theRealFilesMatchThePinnedChecksumsAndAreIdxFiles() throws Exception {
        List<RemoteFile> files = KnownDataset.FASHION_MNIST.files();
        assumeTrue(DebianFashionMnist.installed(), "Debian package dataset-fashion-mnist is not installed");

        try (LocalMirror mirror = DebianFashionMnist.mirror()) {
            Downloader downloader = new Downloader(cache, List.of(), List.of(mirror.url()), Progress.NONE,
                    Duration.ofSeconds(10));

            LocalFiles local = downloader.fetch(KnownDataset.FASHION_MNIST);

            Path folder = cache.resolve("fashion-mnist");
            assertThat(local).isEqualTo(new LocalFiles(
                    folder.resolve("train-images-idx3-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte.gz"),
                    folder.resolve("t10k-images-idx3-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte.gz")));
            for (RemoteFile file : files) {
                assertThat(Checksums.sha256(folder.resolve(file.name()))).isEqualTo(file.sha256());
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

    @Test
    void debiansOwnFilesAreUsedInPlaceWithoutADownload() throws Exception {
        assumeTrue(DebianFashionMnist.installed(), "Debian package dataset-fashion-mnist is not installed");
        try (LocalMirror mirror = new LocalMirror()) {
            Downloader downloader = new Downloader(cache, List.of(mirror.url()), Progress.NONE, Duration.ofSeconds(10));
            LocalFiles files = downloader.fetch(KnownDataset.FASHION_MNIST);
            assertThat(files.trainImages()).isEqualTo(DebianFashionMnist.DIR.resolve("train-images-idx3-ubyte.gz"));
            assertThat(files.testLabels()).isEqualTo(DebianFashionMnist.DIR.resolve("t10k-labels-idx1-ubyte.gz"));
            assertThat(mirror.requests()).isEmpty();
            assertThat(cache).isEmptyDirectory();
        }
    }

    @Test
    void aCopyWithAnotherGzipHeaderIsAcceptedInTheCache() throws Exception {
        assumeTrue(DebianFashionMnist.installed(), "Debian package dataset-fashion-mnist is not installed");
        Path folder = Files.createDirectories(cache.resolve("fashion-mnist"));
        for (RemoteFile file : KnownDataset.FASHION_MNIST.files()) {
            Files.copy(DebianFashionMnist.DIR.resolve(file.name()), folder.resolve(file.name()));
        }
        try (LocalMirror mirror = new LocalMirror()) {
            Downloader downloader = new Downloader(cache, List.of(), List.of(mirror.url()), Progress.NONE,
                    Duration.ofSeconds(10));
            assertThat(downloader.fetch(KnownDataset.FASHION_MNIST).trainLabels())
                    .isEqualTo(folder.resolve("train-labels-idx1-ubyte.gz"));
            assertThat(mirror.requests()).as("Debian's copies are not downloaded again").isEmpty();
        }
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
