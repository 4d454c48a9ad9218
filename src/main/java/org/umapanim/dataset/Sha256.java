package org.umapanim.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.umapanim.common.Checksums;

/** SHA-256 of source files, computed while they are read so each file is read once. */
final class Sha256 {
    private Sha256() {}

    static MessageDigest newDigest() {
        return Checksums.sha256();
    }

    static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Feeds every byte read from {@code in} into {@code digest}; {@link #drain} hashes the rest. */
    static final class Hashing extends FilterInputStream {
        private final MessageDigest digest;

        Hashing(InputStream in, MessageDigest digest) {
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
            // Skipped bytes must be hashed too.
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
        void drain() throws IOException {
            byte[] buf = new byte[65536];
            while (read(buf, 0, buf.length) >= 0) {
                // hashing only
            }
        }
    }
}
