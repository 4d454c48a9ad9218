package org.umapanim.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, for records of what an output was made from and for pinned downloads. */
public final class Checksums {
    private Checksums() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        MessageDigest md = sha256();
        try (InputStream in = new Hashing(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
        return hex(md);
    }

    /** Hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The digest so far, as lower-case hex (and the digest reset). */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Feeds every byte read from {@code in} into {@code digest}, skipped ones included, so a file is
     * hashed while it is read, not read twice; {@link #drain} hashes what the reader left.
     */
    public static final class Hashing extends FilterInputStream {
        private final MessageDigest digest;

        public Hashing(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                digest.update(buf, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Reads to the end so the digest covers the whole file. */
        public void drain() throws IOException {
            transferTo(OutputStream.nullOutputStream());
        }
    }
}
