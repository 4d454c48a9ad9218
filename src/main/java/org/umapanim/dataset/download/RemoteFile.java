package org.umapanim.dataset.download;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One file a mirror serves, pinned by its exact size and SHA-256, so that whatever host we get it
 * from, we only ever keep the bytes the data set's authors published.
 *
 * @param name          the file name, both on the mirror (appended to the mirror's base URL) and in the cache
 * @param size          the length in bytes
 * @param sha256        the SHA-256 of the whole file, 64 lower-case hex digits
 * @param contentSha256 the SHA-256 of its content once un-gzipped, or null where unknown: a copy
 *                      whose gzip header differs (Debian's) holds the same data and is accepted too
 */
public record RemoteFile(String name, long size, String sha256, String contentSha256) {
    public RemoteFile {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + name);
        }
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64) {
            throw new IllegalArgumentException("SHA-256 of " + name + " must be 64 hex digits: " + sha256);
        }
        HexFormat.of().parseHex(sha256);
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        if (contentSha256 != null) {
            HexFormat.of().parseHex(contentSha256);
            contentSha256 = contentSha256.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
