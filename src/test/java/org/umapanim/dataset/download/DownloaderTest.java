package org.umapanim.dataset.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.umapanim.dataset.download.LocalMirror.ignoringRange;
import static org.umapanim.dataset.download.LocalMirror.serve;
import static org.umapanim.dataset.download.LocalMirror.status;
import static org.umapanim.dataset.download.LocalMirror.truncatedOnce;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.dataset.download.LocalMirror.Request;

class DownloaderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path cache;

    private final byte[] content = randomBytes(300_000, 1);
    private final RemoteFile file = pinned("train-images-idx3-ubyte.gz", content);
    private final List<LocalMirror> mirrors = new ArrayList<>();

    @BeforeEach
    void noMirrorsYet() {
        mirrors.clear();
    }

    @AfterEach
    void stopMirrors() {
        mirrors.forEach(LocalMirror::close);
    }

    @Test
    void downloadsAGoodFileVerifiesItAndLeavesNoPartFile() throws Exception {
        LocalMirror mirror = mirror().on(file.name(), serve(content));
        RecordingProgress progress = new RecordingProgress();

        List<Path> paths = downloader(progress, mirror).fetch(cache, List.of(file), List.of());

        assertThat(paths).containsExactly(cache.resolve(file.name()));
        assertThat(Files.readAllBytes(paths.get(0))).isEqualTo(content);
        assertThat(cache.resolve(file.name() + ".part")).doesNotExist();
        assertThat(mirror.requests()).containsExactly(new Request(file.name(), null));
        assertThat(progress.tasks).containsExactly("download " + file.name() + " " + content.length);
        assertThat(progress.stepped).isEqualTo(content.length);
    }

    @Test
    void aCorruptedFileIsRejectedAndNothingIsLeftInTheCache() throws Exception {
        byte[] corrupted = content.clone();
        corrupted[1234] ^= 1;
        LocalMirror mirror = mirror().on(file.name(), serve(corrupted));

        assertThatThrownBy(() -> downloader(mirror).fetch(cache, List.of(file), List.of()))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(cache);
                    assertThat(e.problem())
                            .contains("could not download " + file.name())
                            .contains("wrong content: SHA-256 " + sha256(corrupted) + ", expected " + file.sha256())
                            .contains("by hand")
                            .doesNotContain("\n");
                });
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void serverErrorsMoveOnToTheNextMirror() throws Exception {
        LocalMirror broken = mirror().on(file.name(), status(500));
        LocalMirror empty = mirror();
        LocalMirror good = mirror().on(file.name(), serve(content));

        Path path = downloader(broken, empty).fetch(cache, List.of(file), List.of(good.url())).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(broken.requests()).hasSize(1);
        assertThat(empty.requests()).hasSize(1);
        assertThat(good.requests()).hasSize(1);
    }

    @Test
    void whenEveryMirrorFailsTheProblemSaysWhatIsMissingWhyAndWhereToPutIt() throws Exception {
        RemoteFile labels = pinned("train-labels-idx1-ubyte.gz", randomBytes(100, 2));
        LocalMirror broken = mirror().on(file.name(), status(500));
        LocalMirror empty = mirror();
        Path folder = cache.resolve("mnist");

        assertThatThrownBy(() -> downloader(broken, empty).fetch(folder, List.of(file, labels), List.of()))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(folder);
                    assertThat(e.problem())
                            .startsWith("could not download " + file.name() + ", " + labels.name() + " (")
                            .contains(broken.url() + "/" + file.name() + ": HTTP 500")
                            .contains(empty.url() + "/" + file.name() + ": HTTP 404")
                            .contains("put them into this folder under those names")
                            .contains("--mirror");
                });
        assertThat(broken.requests()).hasSize(2);
    }

    @Test
    void aTruncatedTransferIsResumedWithARangeRequest() throws Exception {
        LocalMirror mirror = mirror().on(file.name(), truncatedOnce(content, 100_000));
        RecordingProgress progress = new RecordingProgress();

        Path path = downloader(progress, mirror).fetch(cache, List.of(file), List.of()).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(mirror.requests()).containsExactly(
                new Request(file.name(), null), new Request(file.name(), "bytes=100000-"));
        assertThat(progress.tasks).hasSize(2);
    }

    @Test
    void aTruncatedTransferFromAServerThatIgnoresRangesStartsAgain() throws Exception {
        LocalMirror mirror = mirror().on(file.name(), ignoringRange(content, 100_000));

        Path path = downloader(mirror).fetch(cache, List.of(file), List.of()).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(mirror.requests()).extracting(Request::range).containsExactly(null, "bytes=100000-");
    }

    @Test
    void aMirrorThatAlwaysBreaksOffAtTheSamePlaceIsGivenUp() throws Exception {
        LocalMirror mirror = mirror().on(file.name(), (exchange, n) -> ignoringRange(content, 1000).answer(exchange, 1));

        assertThatThrownBy(() -> downloader(mirror).fetch(cache, List.of(file), List.of()))
                .isInstanceOfSatisfying(FileProblem.class, e -> assertThat(e.problem())
                        .contains(Downloader.ATTEMPTS_WITHOUT_PROGRESS + " attempts without progress"));
        // one attempt that got 1000 bytes, then three that added nothing
        assertThat(mirror.requests()).hasSize(1 + Downloader.ATTEMPTS_WITHOUT_PROGRESS);
        assertThat(cache.resolve(file.name())).doesNotExist();
    }

    /**
     * The first answer stalls for good after 50,000 bytes: only the client's read timeout can end
     * it (were there none, the test would hang until its guard). The download completes, so the
     * timeout fired, the client hung up, and the next request resumed where the stall began.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)   // a guard against a hang, not the proof
    void aStalledTransferTimesOutAndIsResumed() throws Exception {
        try (StallingServer server = new StallingServer(content, 50_000)) {
            Downloader downloader = new Downloader(cache, List.of(), List.of(server.url()), Progress.NONE,
                    Duration.ofMillis(300));

            Path path = downloader.fetch(cache, List.of(file), List.of()).get(0);

            assertThat(Files.readAllBytes(path)).isEqualTo(content);
            assertThat(server.clientHungUp()).as("the client ended the stall").isTrue();
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.ranges()).containsExactly("", "bytes=50000-");
        }
    }

    /**
     * A mirror that takes the connection and never answers is no mirror: after the read timeout it
     * is given up, not tried again for the same file nor for the next one (one connection).
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)   // a guard against a hang, not the proof
    void aMirrorThatNeverAnswersIsTriedOnceForAllFiles() throws Exception {
        RemoteFile labels = pinned("train-labels-idx1-ubyte.gz", randomBytes(100, 2));
        try (StallingServer server = new StallingServer(content, -1)) {
            Downloader downloader = new Downloader(cache, List.of(), List.of(server.url()), Progress.NONE,
                    Duration.ofMillis(300));
            assertThatThrownBy(() -> downloader.fetch(cache, List.of(file, labels), List.of()))
                    .isInstanceOfSatisfying(FileProblem.class, e -> assertThat(e.problem())
                            .contains(server.url() + file.name() + ": no connection (SocketTimeoutException"));
            assertThat(server.clientHungUp()).as("the client ended the stall").isTrue();
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aValidFileInTheCacheIsUsedWithoutAnyRequest() throws Exception {
        Files.write(cache.resolve(file.name()), content);
        LocalMirror mirror = mirror().on(file.name(), serve(content));

        Path path = downloader(mirror).fetch(cache, List.of(file), List.of()).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(mirror.requests()).isEmpty();
    }

    @Test
    void aCorruptedFileInTheCacheIsDownloadedAgain() throws Exception {
        byte[] corrupted = content.clone();
        corrupted[content.length - 1] ^= 0x40;
        Files.write(cache.resolve(file.name()), corrupted);
        LocalMirror mirror = mirror().on(file.name(), serve(content));

        Path path = downloader(mirror).fetch(cache, List.of(file), List.of()).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(mirror.requests()).containsExactly(new Request(file.name(), null));
    }

    @Test
    void aCorruptedFileInTheCacheThatCannotBeReplacedIsNamedInTheProblem() throws Exception {
        byte[] corrupted = content.clone();
        corrupted[7] ^= 0x40;
        Files.write(cache.resolve(file.name()), corrupted);
        LocalMirror mirror = mirror();

        assertThatThrownBy(() -> downloader(mirror).fetch(cache, List.of(file), List.of()))
                .isInstanceOfSatisfying(FileProblem.class, e -> assertThat(e.problem())
                        .contains("(the copy in this folder has SHA-256 " + sha256(corrupted) + ", expected "
                                + file.sha256() + "; " + mirror.url() + "/" + file.name() + ": HTTP 404)")
                        .contains("put it into this folder under that name"));
        assertThat(cache.resolve(file.name() + ".part")).doesNotExist();
    }

    @Test
    void aPartFileLeftByAnEarlierRunIsResumed() throws Exception {
        Files.write(cache.resolve(file.name() + ".part"), Arrays.copyOf(content, 123_456));
        LocalMirror mirror = mirror().on(file.name(), serve(content));

        Path path = downloader(mirror).fetch(cache, List.of(file), List.of()).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(mirror.requests()).containsExactly(new Request(file.name(), "bytes=123456-"));
    }

    @Test
    void aWrongPartFileLeftByAnEarlierRunIsNotTrusted() throws Exception {
        byte[] wrongStart = randomBytes(123_456, 99);
        Files.write(cache.resolve(file.name() + ".part"), wrongStart);
        LocalMirror mirror = mirror().on(file.name(), serve(content));

        Path path = downloader(mirror).fetch(cache, List.of(file), List.of()).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(mirror.requests()).extracting(Request::range).containsExactly("bytes=123456-", null);
    }

    @Test
    void aCompletePartFileIsVerifiedWithoutARequest() throws Exception {
        Files.write(cache.resolve(file.name() + ".part"), content);
        LocalMirror mirror = mirror().on(file.name(), serve(content));

        Path path = downloader(mirror).fetch(cache, List.of(file), List.of()).get(0);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(mirror.requests()).isEmpty();
    }

    @Test
    void aFileLongerThanPinnedIsRejected() throws Exception {
        byte[] longer = Arrays.copyOf(content, content.length + 10);
        LocalMirror mirror = mirror().on(file.name(), serve(longer));

        assertThatThrownBy(() -> downloader(mirror).fetch(cache, List.of(file), List.of()))
                .isInstanceOfSatisfying(FileProblem.class, e -> assertThat(e.problem())
                        .contains("expected " + content.length));
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutAnyConnectionEachMirrorIsTriedOnceAndTheProblemExplainsTheManualRoute() throws Exception {
        String deadMirror = "http://127.0.0.1:" + freePort() + "/nothing-listens-here/";
        RemoteFile labels = pinned("train-labels-idx1-ubyte.gz", randomBytes(100, 2));
        Path folder = cache.resolve("fashion-mnist");

        assertThatThrownBy(() -> new Downloader(cache, List.of(deadMirror), Progress.NONE, TIMEOUT)
                        .fetch(folder, List.of(file, labels), List.of()))
                .isInstanceOfSatisfying(FileProblem.class, e -> {
                    assertThat(e.file()).isEqualTo(folder);
                    assertThat(e.problem())
                            .startsWith("could not download " + file.name() + ", " + labels.name())
                            .contains(deadMirror + file.name() + ": no connection (ConnectException")
                            .contains("Download them by hand and put them into this folder under those names");
                });
        assertThat(folder).isDirectory();
    }

    @Test
    void givenMirrorsComeBeforeTheDefaultMirrors() throws Exception {
        LocalMirror given = mirror().on(file.name(), serve(content));
        LocalMirror byDefault = mirror().on(file.name(), serve(content));

        downloader(given).fetch(cache, List.of(file), List.of(byDefault.url()));

        assertThat(given.requests()).hasSize(1);
        assertThat(byDefault.requests()).isEmpty();
    }

    @Test
    void mirrorsMustBeHttpUrls() {
        assertThatThrownBy(() -> new Downloader(cache, List.of("ftp://example.org/mnist/"), Progress.NONE, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> new Downloader(cache, List.of("/usr/share/datasets"), Progress.NONE, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCacheFolderComesFromTheEnvironmentOrTheHomeFolder() {
        Path home = Path.of("/home/someone");
        assertThat(Downloader.defaultCacheDir(Map.of(), home)).isEqualTo(Path.of("/home/someone/.cache/umap-anim"));
        assertThat(Downloader.defaultCacheDir(Map.of(Downloader.CACHE_ENV, "/data/cache"), home))
                .isEqualTo(Path.of("/data/cache"));
        assertThat(new Downloader(Path.of("/c"), List.of(), Progress.NONE, TIMEOUT).folderOf(KnownDataset.FASHION_MNIST))
                .isEqualTo(Path.of("/c/fashion-mnist"));
    }

    private LocalMirror mirror() throws IOException {
        LocalMirror mirror = new LocalMirror();
        mirrors.add(mirror);
        return mirror;
    }

    private Downloader downloader(LocalMirror... given) {
        return downloader(Progress.NONE, given);
    }

    private Downloader downloader(Progress progress, LocalMirror... given) {
        // no system folders: these tests are about the cache and the mirrors
        return new Downloader(cache, List.of(), Arrays.stream(given).map(LocalMirror::url).toList(), progress, TIMEOUT);
    }

    static RemoteFile pinned(String name, byte[] content) {
        return new RemoteFile(name, content.length, sha256(content), null);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Remembers the tasks started and the bytes counted. */
    static final class RecordingProgress implements Progress {
        final List<String> tasks = new ArrayList<>();
        long stepped;

        @Override
        public synchronized Task start(String name, long total) {
            tasks.add(name + " " + total);
            stepped = 0;
            return new Task() {
                @Override
                public void step(long n) {
                    synchronized (RecordingProgress.this) {
                        stepped += n;
                    }
                }

                @Override
                public void close() {}
            };
        }
    }
}
