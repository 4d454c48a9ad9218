package org.umapanim.dataset.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.common.SettingProblem;

/**
 * Brings the pinned files of a data set into a cache folder, once, and hands back only files whose
 * size and SHA-256 match the pinned values.
 *
 * <ul>
 *   <li>A file already in the cache is checked and used without any request; one that fails the
 *       check is fetched again, and replaced once the new copy has passed.</li>
 *   <li>Bytes arrive in {@code <name>.part} beside the target; only a complete {@code .part} whose
 *       SHA-256 matches is renamed to {@code <name>}, so a half-written file is never taken for
 *       the real one.</li>
 *   <li>A transfer that breaks off is resumed with an HTTP {@code Range} request (also across
 *       runs, from a leftover {@code .part}); a server that ignores the range sends the whole file
 *       again. A mirror is given up after {@value #ATTEMPTS_WITHOUT_PROGRESS} attempts in a row
 *       that add nothing.</li>
 *   <li>Mirrors are tried in order: first those given to the constructor ({@code --mirror}), then
 *       the data set's defaults, so a local or nearby copy is preferred and the canonical hosts
 *       stay the fallback. A mirror that cannot be connected to, or that answers with an HTTP
 *       error or with wrong bytes, makes way for the next. A mirror that cannot be connected to
 *       is not tried again for the other files of the same {@code fetch}.</li>
 *   <li>When no mirror delivers, a {@link FileProblem} on the data set's cache folder names the
 *       files that are missing, why each mirror failed, and that the files can be put into that
 *       folder by hand.</li>
 * </ul>
 */
public final class Downloader {
    /** Environment variable that moves the cache folder (the CLI's {@code --cache-dir} wins over it). */
    public static final String CACHE_ENV = "UMAP_ANIM_CACHE";
    /** Suffix of a file still being downloaded. */
    public static final String PART_SUFFIX = ".part";
    static final int ATTEMPTS_WITHOUT_PROGRESS = 3;

    /**
     * Folders where the system keeps data sets, one sub-folder per data set: Debian's
     * {@code dataset-fashion-mnist} installs {@code /usr/share/datasets/fashion-mnist/}. Files
     * there that pass the check are used in place, never copied or downloaded.
     */
    static final List<Path> SYSTEM_FOLDERS = List.of(Path.of("/usr/share/datasets"));

    private final Path cacheDir;
    private final List<Path> systemFolders;
    private final List<String> mirrors;
    private final Progress progress;
    private final int timeoutMillis;

    /**
     * @param cacheDir the cache folder; each data set gets a sub-folder named by its
     *                 {@link KnownDataset#cliName()}
     * @param mirrors  base URLs (http or https) to try before the data set's default mirrors; a
     *                 file's URL is the base URL, a '/' if it has none, and the file name
     * @param progress receives one task "download NAME" per transfer, counting bytes
     * @param timeout  how long to wait for a connection, and for the next bytes of an answer
     */
    public Downloader(Path cacheDir, List<String> mirrors, Progress progress, Duration timeout) {
        this(cacheDir, SYSTEM_FOLDERS, mirrors, progress, timeout);
    }

    /** As above, with other folders than {@link #SYSTEM_FOLDERS} to look in first (for tests). */
    Downloader(Path cacheDir, List<Path> systemFolders, List<String> mirrors, Progress progress, Duration timeout) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.systemFolders = List.copyOf(systemFolders);
        this.mirrors = mirrors.stream().map(Downloader::baseUrl).toList();
        this.progress = Objects.requireNonNull(progress, "progress");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the download timeout must be positive: " + timeout);
        }
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** {@code $UMAP_ANIM_CACHE} if set, else {@code ~/.cache/umap-anim}. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path defaultCacheDir(Map<String, String> env, Path home) {
        String dir = env.get(CACHE_ENV);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return home.resolve(".cache").resolve("umap-anim");
    }

    /** The folder where {@link #fetch(KnownDataset)} keeps {@code ds}'s files. */
    public Path folderOf(KnownDataset ds) {
        return cacheDir.resolve(ds.cliName());
    }

    /**
     * The four verified files of {@code ds}: a system copy if there is a good one (Debian's), else
     * the cache's, downloaded first if it is not there yet.
     */
    public LocalFiles fetch(KnownDataset ds) {
        for (Path system : systemFolders) {
            Path folder = system.resolve(ds.cliName());
            if (ds.files().stream().allMatch(f -> defect(folder.resolve(f.name()), f) == null)) {
                List<Path> paths = ds.files().stream().map(f -> folder.resolve(f.name())).toList();
                return new LocalFiles(paths.get(0), paths.get(1), paths.get(2), paths.get(3));
            }
        }
        List<Path> paths = fetch(folderOf(ds), ds.files(), ds.defaultMirrors());
        return new LocalFiles(paths.get(0), paths.get(1), paths.get(2), paths.get(3));
    }

    /**
     * Makes sure {@code folder} holds each of {@code files} with its pinned size and SHA-256,
     * fetching what is missing or wrong from this downloader's mirrors and then {@code
     * defaultMirrors}; returns the files' paths in the same order.
     *
     * @throws FileProblem (on {@code folder}) when some file could not be had from any mirror
     */
    public List<Path> fetch(Path folder, List<RemoteFile> files, List<String> defaultMirrors) {
        Set<String> order = new LinkedHashSet<>(mirrors);
        defaultMirrors.stream().map(Downloader::baseUrl).forEach(order::add);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new FileProblem(folder, "cannot create the download folder (" + e.getMessage() + ")", e);
        }
        Set<String> unreachable = new HashSet<>();
        Map<RemoteFile, List<String>> failures = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        for (RemoteFile file : files) {
            Path target = folder.resolve(file.name());
            paths.add(target);
            String defect = defect(target, file);
            if (defect == null) {
                continue;
            }
            // A wrong copy stays until a good one replaces it, so the problem can say what is wrong with it.
            List<String> reasons = new ArrayList<>();
            for (String base : order) {
                String url = base + file.name();
                if (unreachable.contains(base)) {
                    reasons.add(url + ": not tried, no connection before");
                    continue;
                }
                String failure;
                try {
                    failure = fromMirror(url, file, target);
                } catch (Unreachable e) {
                    unreachable.add(base);
                    failure = e.getMessage();
                }
                if (failure == null) {
                    reasons.clear();
                    break;
                }
                reasons.add(url + ": " + failure);
            }
            if (!reasons.isEmpty() || order.isEmpty()) {
                if (!defect.isEmpty()) {
                    reasons.add(0, "the copy in this folder " + defect);
                }
                failures.put(file, reasons);
            }
        }
        if (!failures.isEmpty()) {
            throw new FileProblem(folder, explain(failures));
        }
        return paths;
    }

    /** One line: what is missing, why, and how to get it there without us. */
    private static String explain(Map<RemoteFile, List<String>> failures) {
        String names = failures.keySet().stream().map(RemoteFile::name).collect(Collectors.joining(", "));
        List<String> reasons = failures.values().iterator().next();
        String why = reasons.isEmpty() ? "no mirror to download from" : String.join("; ", reasons);
        return "could not download " + names + " (" + oneLine(why) + "). Download "
                + (failures.size() == 1 ? "it" : "them")
                + " by hand and put " + (failures.size() == 1 ? "it" : "them")
                + " into this folder under " + (failures.size() == 1 ? "that name" : "those names")
                + ", or name a working mirror with --mirror URL";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /**
     * Null if {@code file} holds the pinned bytes, or the pinned content under another gzip header;
     * "" if it is missing; else what is wrong with it.
     */
    private static String defect(Path file, RemoteFile pinned) {
        if (!Files.exists(file)) {
            return "";
        }
        if (!Files.isRegularFile(file)) {
            return "is not a file";
        }
        long size = sizeOf(file);
        String sha = size == pinned.size() ? Checksums.sha256(file) : null;
        if (pinned.sha256().equals(sha) || (pinned.contentSha256() != null
                && pinned.contentSha256().equals(contentSha256(file)))) {
            return null;
        }
        return sha == null ? "has " + size + " bytes, expected " + pinned.size()
                : "has SHA-256 " + sha + ", expected " + pinned.sha256();
    }

    /** SHA-256 of the un-gzipped content of {@code file}, or null if it is not gzip data. */
    private static String contentSha256(Path file) {
        java.security.MessageDigest digest = Checksums.sha256();
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return null;
        }
        return Checksums.hex(digest);
    }

    /**
     * Downloads {@code url} into {@code target} through its {@code .part} file.
     *
     * @return null when {@code target} is now in place and verified, else why this mirror failed
     * @throws Unreachable when no connection could be made (so the other files need not try)
     */
    private String fromMirror(String url, RemoteFile file, Path target) throws Unreachable {
        Path part = target.resolveSibling(file.name() + PART_SUFFIX);
        int fruitless = 0;
        boolean resumed = false;
        boolean restartedAfterMismatch = false;
        while (true) {
            long have = sizeOf(part);
            if (have > file.size()) {
                delete(part);
                have = 0;
            }
            if (have < file.size()) {
                resumed |= have > 0;
                Outcome outcome = transfer(url, file, part, have);
                if (outcome.refused()) {
                    return outcome.reason();
                }
                String broken = outcome.reason();
                long now = sizeOf(part);
                if (broken == null && now < file.size()) {
                    broken = "the answer ended after " + now + " of " + file.size() + " bytes";
                }
                if (broken != null) {
                    fruitless = now > have ? 0 : fruitless + 1;
                    if (fruitless >= ATTEMPTS_WITHOUT_PROGRESS) {
                        return broken + " (" + ATTEMPTS_WITHOUT_PROGRESS + " attempts without progress)";
                    }
                    continue;
                }
            }
            long got = sizeOf(part);
            if (got != file.size()) {
                delete(part);
                return "served " + got + " or more bytes, expected " + file.size();
            }
            String sha = Checksums.sha256(part);
            if (sha.equals(file.sha256())) {
                move(part, target);
                return null;
            }
            delete(part);
            if (resumed && !restartedAfterMismatch) {
                // The bytes kept from an earlier attempt may be what is wrong: fetch it whole once.
                restartedAfterMismatch = true;
                resumed = false;
                continue;
            }
            return "wrong content: SHA-256 " + sha + ", expected " + file.sha256();
        }
    }

    /**
     * How one request went: {@code reason} null means the answer ended normally; otherwise it
     * says why it broke off (worth resuming) or, if {@code refused}, why this mirror will not
     * serve the file at all.
     */
    private record Outcome(boolean refused, String reason) {
        static final Outcome ENDED = new Outcome(false, null);

        static Outcome broken(String reason) {
            return new Outcome(false, reason);
        }

        static Outcome refusedBecause(String reason) {
            return new Outcome(true, reason);
        }
    }

    /**
     * One request, appending to {@code part} from byte {@code have}.
     *
     */
    private Outcome transfer(String url, RemoteFile file, Path part, long have) throws Unreachable {
        HttpURLConnection connection;
        int status;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setRequestProperty("User-Agent", "umap-anim");
            if (have > 0) {
                connection.setRequestProperty("Range", "bytes=" + have + "-");
            }
            status = connection.getResponseCode();
        } catch (IOException e) {
            throw new Unreachable("no connection (" + describe(e) + ")");
        }
        try {
            boolean append;
            if (status == HttpURLConnection.HTTP_PARTIAL && have > 0) {
                String range = connection.getHeaderField("Content-Range");
                if (range == null || !range.trim().startsWith("bytes " + have + "-")) {
                    delete(part);
                    return Outcome.broken("asked for bytes from " + have + ", got range " + range);
                }
                append = true;
            } else if (status == HttpURLConnection.HTTP_OK) {
                append = false;
            } else if (status == 416) {
                // Our .part no longer fits what the mirror has: start again from nothing.
                delete(part);
                return Outcome.broken("the mirror refused to resume at byte " + have);
            } else {
                String location = connection.getHeaderField("Location");
                return Outcome.refusedBecause("HTTP " + status
                        + (location == null ? "" : " (redirect to " + location + ")"));
            }
            return copyBody(connection, file, part, append ? have : 0);
        } finally {
            connection.disconnect();
        }
    }

    /** Copies the answer's body into {@code part}. */
    private Outcome copyBody(HttpURLConnection connection, RemoteFile file, Path part, long start) {
        OutputStream out;
        try {
            out = start > 0
                    ? Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newOutputStream(part);
        } catch (IOException e) {
            throw new FileProblem(part, "cannot write: " + FileProblem.reason(e), e);
        }
        try (out;
                Progress.Task task = progress.start("download " + file.name(), file.size())) {
            if (start > 0) {
                task.step(start);
            }
            InputStream in;
            try {
                in = connection.getInputStream();
            } catch (IOException e) {
                return Outcome.broken("no answer body (" + describe(e) + ")");
            }
            try (in) {
                byte[] buffer = new byte[1 << 16];
                long written = start;
                // Stop past the pinned size: a wrong file must not fill the disk.
                while (written <= file.size()) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        return Outcome.broken("the connection broke after " + written + " of "
                                + file.size() + " bytes (" + describe(e) + ")");
                    }
                    if (n < 0) {
                        return Outcome.ENDED;
                    }
                    out.write(buffer, 0, n);
                    written += n;
                    task.step(n);
                }
                return Outcome.ENDED;
            }
        } catch (IOException e) {
            // Reading errors were handled above; this is the disk.
            throw new FileProblem(part, "cannot write: " + FileProblem.reason(e), e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + oneLine(message));
    }

    /** A mirror as a base URL ending in '/'; a {@link SettingProblem} ("mirrors") unless it is http(s). */
    public static String baseUrl(String mirror) {
        URI uri;
        try {
            uri = new URI(mirror.trim());
        } catch (URISyntaxException e) {
            throw new SettingProblem("mirrors", "'" + mirror + "' is not a URL (" + e.getMessage() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new SettingProblem("mirrors", "must be an http:// or https:// URL, not '" + mirror + "'");
        }
        String s = uri.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new FileProblem(file, "cannot delete: " + FileProblem.reason(e), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            AtomicFiles.moveIntoPlace(from, to);
        } catch (IOException e) {
            throw new FileProblem(to, "cannot rename " + from.getFileName() + " into place: " + FileProblem.reason(e), e);
        }
    }

    /** No connection to a mirror at all. */
    private static final class Unreachable extends Exception {
        Unreachable(String reason) {
            super(reason, null, false, false);
        }
    }
}
