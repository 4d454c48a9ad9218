package org.umapanim.dataset.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real Fashion-MNIST files from Debian's {@code dataset-fashion-mnist} package, turned back
 * into the exact bytes the authors publish, so a {@link LocalMirror} can serve them in place of the
 * canonical hosts (for tests here and end-to-end tests of the command line).
 *
 * <p>Debian ships the authors' {@code .gz} files with a trimmed gzip header: no file name and
 * another time stamp, the compressed data untouched (the sizes differ by exactly the name's length
 * plus its terminating zero). Putting back the header the authors' files have gives their bytes,
 * SHA-256 for SHA-256.
 */
public final class DebianFashionMnist {
    /** Where the package puts the files. */
    public static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The modification times in the authors' gzip headers (2017-08-31). */
    private static final Map<String, Integer> UPSTREAM_MTIME = Map.of(
            "train-images-idx3-ubyte.gz", 1504176606,
            "train-labels-idx1-ubyte.gz", 1504176606,
            "t10k-images-idx3-ubyte.gz", 1504176627,
            "t10k-labels-idx1-ubyte.gz", 1504176627);

    private DebianFashionMnist() {}

    /** Whether the package's four files are there (else tests skip with an assumption). */
    public static boolean installed() {
        return KnownDataset.FASHION_MNIST.files().stream().allMatch(f -> Files.isRegularFile(DIR.resolve(f.name())));
    }

    /** A started local mirror serving the authors' four files; give {@link LocalMirror#url()} as {@code --mirror}. */
    public static LocalMirror mirror() throws IOException {
        LocalMirror mirror = new LocalMirror();
        for (RemoteFile file : KnownDataset.FASHION_MNIST.files()) {
            mirror.on(file.name(), LocalMirror.serve(upstreamBytes(file.name())));
        }
        return mirror;
    }

    /** The authors' bytes of {@code name}, rebuilt from Debian's copy. */
    public static byte[] upstreamBytes(String name) throws IOException {
        byte[] debian = Files.readAllBytes(DIR.resolve(name));
        // Debian's header is the bare ten bytes: magic, deflate, no flags, time, XFL 0, OS 3 (Unix).
        if (debian.length < 18 || (debian[0] & 0xff) != 0x1f || (debian[1] & 0xff) != 0x8b || debian[2] != 8
                || debian[3] != 0 || debian[8] != 0 || debian[9] != 3) {
            throw new IOException(DIR.resolve(name) + " does not have the gzip header Debian's package had in 2020");
        }
        byte[] fileName = (name.substring(0, name.length() - ".gz".length()) + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] result = new byte[debian.length + fileName.length];
        System.arraycopy(debian, 0, result, 0, 10);
        result[3] = 8; // FNAME: a file name follows the fixed header
        int mtime = UPSTREAM_MTIME.get(name);
        for (int i = 0; i < 4; i++) {
            result[4 + i] = (byte) (mtime >>> (8 * i));
        }
        System.arraycopy(fileName, 0, result, 10, fileName.length);
        System.arraycopy(debian, 10, result, 10 + fileName.length, debian.length - 10);
        return result;
    }
}
