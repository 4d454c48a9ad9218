package org.umapanim.dataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;

/**
 * Reads MNIST's IDX format, gzip-compressed or plain: an images file (magic {@code 0x00000803}:
 * count, height, width, then unsigned bytes) and a labels file (magic {@code 0x00000801}: count,
 * then one unsigned byte per image). See http://yann.lecun.com/exdb/mnist/.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int BUFFER = 1 << 16;

    /** {@code …images-idx3-ubyte[.gz]} and the {@code train-images.idx3-ubyte} form. */
    private static final Pattern IMAGES_NAME = Pattern.compile("(.*)images([-.])idx3([-.]ubyte)?(\\.gz)?");
    private static final Pattern LABELS_NAME = Pattern.compile("(.*)labels([-.])idx1([-.]ubyte)?(\\.gz)?");

    private IdxReader() {}

    /** One images file and its labels file (null: unlabelled). */
    public record Pair(Path images, Path labels) {}

    /**
     * Reads one images file and its labels.
     *
     * @param labels      the labels file, or null for unlabelled images
     * @param labelColumn what the labels are called ({@code digit} for MNIST); ignored when unlabelled
     * @param classNames  the text of label 0, 1, …; null for the number itself ("0" … "9"); the classes'
     *                    order (a number's text follows the numbers' order)
     */
    public static Dataset read(Path images, Path labels, String name, String labelColumn, List<String> classNames) {
        return read(List.of(new Pair(images, labels)), name, labelColumn, classNames);
    }

    /**
     * Reads several pairs as one data set, rows in the order given (MNIST's train then test files).
     * The checksum is that of all files in order, images before labels: what
     * {@code cat train-images train-labels test-images test-labels | sha256sum} prints.
     */
    public static Dataset read(List<Pair> pairs, String name, String labelColumn, List<String> classNames) {
        List<Source[]> sources = new ArrayList<>();
        for (Pair pair : pairs) {
            sources.add(new Source[] {Source.of(pair.images()), pair.labels() == null ? null : Source.of(pair.labels())});
        }
        return read(sources, name, labelColumn, classNames, 0);
    }

    static Dataset read(List<Source[]> pairs, String name, String labelColumn, List<String> classNames, int limit) {
        MessageDigest digest = Checksums.sha256();
        List<Dataset> parts = new ArrayList<>();
        int left = limit == 0 ? Integer.MAX_VALUE : limit;
        for (Source[] pair : pairs) {
            Images images = readImages(pair[0], digest, left);
            String[] labels = pair[1] == null
                    ? unlabelled(images.kept)
                    : readLabels(pair[1], digest, images, classNames);
            parts.add(new Dataset(name, "", pixelColumns(images.height * images.width), images.values,
                    pair[1] == null ? null : labelColumn, labels,
                    Optional.of(new ImageShape(images.height, images.width)), null, classNames));
            left -= images.kept;
        }
        String sha = Checksums.hex(digest);
        if (parts.size() == 1) {
            Dataset only = parts.get(0);
            return new Dataset(name, sha, only.columns(), only.values(), only.labelColumn(), only.labels(), only.image(),
                    null, classNames);
        }
        Dataset all = Dataset.concat(name, parts);
        return new Dataset(name, sha, all.columns(), all.values(), all.labelColumn(), all.labels(), all.image(), null,
                classNames);
    }

    /** {@code pixel1 … pixelD}, the column names of the original notebook's file. */
    static List<String> pixelColumns(int d) {
        List<String> names = new ArrayList<>(d);
        for (int i = 1; i <= d; i++) {
            names.add("pixel" + i);
        }
        return names;
    }

    private static String[] unlabelled(int n) {
        String[] labels = new String[n];
        java.util.Arrays.fill(labels, Dataset.NO_LABEL);
        return labels;
    }

    /** What the images file held: its size, and the first {@code kept} images as floats. */
    private record Images(Path file, int count, int height, int width, int kept, float[] values) {}

    private static Images readImages(Source source, MessageDigest digest, int limit) {
        Path file = source.shown();
        try (Checksums.Hashing hashing = new Checksums.Hashing(source.open(), digest);
                DataInputStream in = new DataInputStream(decompressed(hashing))) {
            requireMagic(in, source, IMAGES_MAGIC, "images");
            int count = header(in, source, "images");
            int height = header(in, source, "images");
            int width = header(in, source, "images");
            if (count < 0 || height <= 0 || width <= 0 || (long) height * width > 1 << 20) {
                throw new FileProblem(file, "implausible IDX header: " + count + " images of " + height + "x" + width);
            }
            if (count == 0) {
                throw new FileProblem(file, "no images (the IDX header says 0 rows)");
            }
            int d = height * width;
            // A count too large for one table is only reported once the data proves it real: a
            // damaged header is reported as truncated (below), not as "too many".
            int fits = (Integer.MAX_VALUE - 8) / d;
            int kept = Math.min(Math.min(count, limit), fits);
            // Grown as the data arrives, so a damaged header announcing millions of images is
            // reported as truncated instead of allocating gigabytes first.
            float[] values = new float[Math.min(kept, 4096) * d];
            int chunkRows = Math.max(1, BUFFER / d);
            byte[] chunk = new byte[chunkRows * d];
            for (int row = 0; row < count; row += chunkRows) {
                int rows = Math.min(chunkRows, count - row);
                int got = in.readNBytes(chunk, 0, rows * d);
                if (got < rows * d) {
                    throw new FileProblem(file, "truncated: the header says " + count + " images of " + height + "x"
                            + width + " but the data ends after " + (row + got / d) + " of them");
                }
                // Images past the limit are still read, to check and checksum the whole file.
                int keep = Math.max(0, Math.min(rows, kept - row));
                int base = row * d;
                // (keep > 0: past the limit there is nothing to store, and growing "to fit" the
                // skipped rows copied the whole table once per chunk — 5–7 s on Fashion-MNIST 30k)
                if (keep > 0 && base + keep * d > values.length) {
                    values = java.util.Arrays.copyOf(values, (int) Math.min((long) kept * d, 2L * values.length + keep * d));
                }
                for (int i = 0; i < keep * d; i++) {
                    values[base + i] = chunk[i] & 0xFF;
                }
            }
            requireEnd(in, file, count + " images");
            if (kept < Math.min(count, limit)) {
                throw new FileProblem(file, count + " images of " + d + " pixels are too many for one table; use --limit "
                        + fits + " or less");
            }
            hashing.drain();
            return new Images(file, count, height, width, kept, values);
        } catch (IOException e) {
            throw readProblem(file, e);
        }
    }

    private static String[] readLabels(Source source, MessageDigest digest, Images images, List<String> classNames) {
        Path file = source.shown();
        try (Checksums.Hashing hashing = new Checksums.Hashing(source.open(), digest);
                DataInputStream in = new DataInputStream(decompressed(hashing))) {
            requireMagic(in, source, LABELS_MAGIC, "labels");
            int count = header(in, source, "labels");
            if (count != images.count) {
                throw new FileProblem(file, "has " + count + " labels but " + images.file.getFileName() + " has "
                        + images.count + " images");
            }
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new FileProblem(file, "truncated: the header says " + count + " labels but the data ends after "
                        + bytes.length);
            }
            requireEnd(in, file, count + " labels");
            hashing.drain();
            String[] text = new String[256];
            for (int v = 0; v < 256; v++) {
                text[v] = classNames == null ? Integer.toString(v) : v < classNames.size() ? classNames.get(v) : null;
            }
            String[] labels = new String[images.kept];
            for (int i = 0; i < count; i++) {
                String label = text[bytes[i] & 0xFF];
                if (label == null) {
                    throw new FileProblem(file, "label " + (bytes[i] & 0xFF) + " of image " + (i + 1)
                            + " is not one of the " + classNames.size() + " classes");
                }
                if (i < labels.length) {
                    labels[i] = label;
                }
            }
            return labels;
        } catch (IOException e) {
            throw readProblem(file, e);
        }
    }

    /** The stream itself, or its gunzipped content when it starts with gzip's magic bytes. */
    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
    }

    /** What went wrong reading an IDX file, in words: damaged gzip data, an early end, or the system's reason. */
    private static FileProblem readProblem(Path file, IOException e) {
        if (e instanceof ZipException) {
            return new FileProblem(file, "corrupt gzip data: " + e.getMessage(), e);
        }
        if (e instanceof EOFException) {
            return new FileProblem(file, "truncated: the compressed data ends early", e);
        }
        return new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
    }

    /** Reads the header's first number and refuses a file whose magic number is not {@code expected}. */
    private static void requireMagic(DataInputStream in, Source source, int expected, String kind) throws IOException {
        int magic = header(in, source, kind);
        if (magic != expected) {
            throw new FileProblem(source.shown(), wrongMagic(magic, expected, kind));
        }
    }

    private static int header(DataInputStream in, Source source, String kind) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new FileProblem(source.shown(), "truncated: too short for an IDX " + kind + " header", e);
        }
    }

    private static void requireEnd(InputStream in, Path file, String what) throws IOException {
        if (in.read() >= 0) {
            throw new FileProblem(file, "more data than the " + what + " its header announces");
        }
    }

    static String wrongMagic(int magic, int expected, String kind) {
        String found = String.format("0x%08X", magic);
        String hint = "";
        if (magic == LABELS_MAGIC) {
            hint = ", which marks an IDX labels file";
        } else if (magic == IMAGES_MAGIC) {
            hint = ", which marks an IDX images file";
        } else if ((magic & 0xFFFF0000) == 0 && (magic >>> 8 & 0xFF) != 0x08) {
            hint = ", an IDX file of another element type (only unsigned bytes, 0x08, are supported)";
        }
        return String.format("wrong magic number %s%s (expected %s for IDX %s)", found, hint,
                String.format("0x%08X", expected), kind);
    }

    /** The usual name of the labels file for an images file and vice versa, with and without .gz. */
    static List<Path> partnerCandidates(Path file) {
        String name = file.getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        Matcher m = IMAGES_NAME.matcher(name);
        Matcher l = LABELS_NAME.matcher(name);
        String base;
        if (m.matches()) {
            base = m.group(1) + "labels" + m.group(2) + "idx1" + (m.group(3) == null ? "" : m.group(3));
        } else if (l.matches()) {
            m = l;
            base = l.group(1) + "images" + l.group(2) + "idx3" + (l.group(3) == null ? "" : l.group(3));
        } else {
            return candidates;
        }
        boolean gz = m.group(4) != null;
        // Same compression as the given file first.
        candidates.add(file.resolveSibling(base + (gz ? ".gz" : "")));
        candidates.add(file.resolveSibling(base + (gz ? "" : ".gz")));
        return candidates;
    }

    static Optional<Path> partner(Path file) {
        return partnerCandidates(file).stream().filter(Files::isRegularFile).findFirst();
    }

    static boolean looksLikeImagesName(String name) {
        return IMAGES_NAME.matcher(name).matches();
    }

    static boolean looksLikeLabelsName(String name) {
        return LABELS_NAME.matcher(name).matches();
    }

    /** {@code train-images-idx3-ubyte.gz} → {@code train}; {@code mnist-sample-images…} → {@code mnist-sample}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        Matcher m = IMAGES_NAME.matcher(name);
        Matcher l = LABELS_NAME.matcher(name);
        String base = m.matches() ? m.group(1) : l.matches() ? l.group(1) : name.replaceFirst("\\.gz$", "");
        base = base.replaceFirst("[-._]$", "");
        return base.isEmpty() ? name : base;
    }
}
