package org.umapanim.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/**
 * The one entry point for reading a data set: picks the IDX, CSV, Parquet, NumPy or AnnData reader
 * by the file's content (magic bytes) and, failing that, its extension.
 *
 * <p>Labels ({@code --label}): null means the automatic rule — for tables the first of the columns
 * {@code label}, {@code digit}, {@code class} (ignoring case), else unlabelled; for IDX the labels
 * file beside the images, called {@code digit}. {@code none} means unlabelled. Any other name must
 * be a column of the table (for IDX it names the labels).
 *
 * <p>IDX via {@code --input}: either file of a pair may be given; its partner is found by the usual
 * naming ({@code X-images-idx3-ubyte[.gz]} ↔ {@code X-labels-idx1-ubyte[.gz]}, also
 * {@code X-images.idx3-ubyte}). An images file without a labels file beside it is an error, since a
 * missing labels file is far more often a mistake than a wish; {@code --label none} reads it unlabelled.
 */
public final class DatasetReader {
    /** The bundled sample's name in titles and metadata. */
    public static final String BUNDLED_NAME = "mnist-sample";
    static final String BUNDLED_IMAGES = "mnist-sample-images-idx3-ubyte.gz";
    static final String BUNDLED_LABELS = "mnist-sample-labels-idx1-ubyte.gz";
    /** Where the bundled sample lives in a source checkout, relative to the working directory. */
    static final Path BUNDLED_DIR = Path.of("data");
    private static final String BUNDLED_RESOURCES = "bundled/";
    private static final String MNIST_LABEL = "digit";

    private DatasetReader() {}

    enum Format { IDX_IMAGES, IDX_LABELS, CSV, PARQUET, NPY, NPZ, H5AD }

    /**
     * Reads {@code input}.
     *
     * @param label null for the automatic rule, {@code none} for unlabelled, else the label column
     * @param limit keep the first {@code limit} rows; 0 keeps all
     */
    /**
     * A Parquet table whose SHA-256 the caller already has (render's digits.parquet, hashed for the
     * stage stamp), read without hashing it again.
     */
    public static Dataset readParquet(Path file, String label, int limit, String sha256) {
        if (!Files.exists(file)) {
            throw new FileProblem(file, "no such file");
        }
        return ParquetTableReader.read(file, label, limit, ReadOptions.DEFAULTS, sha256);
    }

    public static Dataset read(Path input, String label, int limit) {
        return read(input, label, limit, ReadOptions.DEFAULTS);
    }

    /**
     * Reads {@code input} with the options of the formats that hold more than one matrix; an
     * option the file's format has no use for is a usage problem, not silently ignored.
     */
    public static Dataset read(Path input, String label, int limit, ReadOptions options) {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must not be negative: " + limit);
        }
        if (!Files.exists(input)) {
            throw new FileProblem(input, "no such file");
        }
        if (Files.isDirectory(input)) {
            throw new FileProblem(input, "is a folder, not a data file");
        }
        Format format = detect(input);
        requireApplies(options.labels() != null, "labels", format, input, Format.NPY, Format.NPZ);
        requireApplies(options.array() != null, "array", format, input, Format.NPZ);
        requireApplies(options.features() != null, "features", format, input, Format.PARQUET, Format.CSV);
        requireApplies(options.useRep() != null, "useRep", format, input, Format.H5AD);
        return switch (format) {
            case CSV -> CsvReader.read(input, label, limit, options.features());
            case PARQUET -> ParquetTableReader.read(input, label, limit, options);
            case NPY -> NpyReader.read(input, label, limit, options);
            case NPZ -> NpzReader.read(input, label, limit, options);
            case H5AD -> H5adReader.read(input, label, limit, options);
            case IDX_IMAGES -> readIdx(input, pairOf(input, label), label, limit);
            case IDX_LABELS -> {
                Path images = IdxReader.partner(input).orElseThrow(() -> new FileProblem(input,
                        "is an IDX labels file and no images file was found beside it (looked for "
                                + names(IdxReader.partnerCandidates(input)) + ")"));
                yield readIdx(images, LabelRule.NONE.equals(label) ? null : input, label, limit);
            }
        };
    }

    private static void requireApplies(boolean given, String option, Format format, Path input, Format... formats) {
        if (given && !List.of(formats).contains(format)) {
            throw new SettingProblem(option, "applies to " + String.join(" and ", List.of(formats).stream()
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).toList()) + " input, not to "
                    + input.getFileName());
        }
    }

    /** What a row of {@code input} is, for titles: a cell of an AnnData file, else a row. */
    public static String rowNoun(Path input) {
        return detect(input) == Format.H5AD ? "cell" : "row";
    }

    /** The bundled 10,000-digit MNIST sample (see data/README.md): from the jar, else from ./data. */
    public static Dataset bundled(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must not be negative: " + limit);
        }
        if (DatasetReader.class.getResource(BUNDLED_RESOURCES + BUNDLED_IMAGES) != null
                && DatasetReader.class.getResource(BUNDLED_RESOURCES + BUNDLED_LABELS) != null) {
            return bundled(resource(BUNDLED_IMAGES), resource(BUNDLED_LABELS), limit);
        }
        Path images = BUNDLED_DIR.resolve(BUNDLED_IMAGES);
        Path labels = BUNDLED_DIR.resolve(BUNDLED_LABELS);
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new FileProblem(images, "the bundled MNIST sample is missing: it is neither in the jar nor in "
                    + BUNDLED_DIR.toAbsolutePath());
        }
        return bundled(Source.of(images), Source.of(labels), limit);
    }

    static Dataset bundled(Source images, Source labels, int limit) {
        return IdxReader.read(List.<Source[]>of(new Source[] {images, labels}), BUNDLED_NAME, MNIST_LABEL, null, limit);
    }

    private static Source resource(String name) {
        return new Source(Path.of(name), () -> {
            InputStream in = DatasetReader.class.getResourceAsStream(BUNDLED_RESOURCES + name);
            if (in == null) {
                throw new java.nio.file.NoSuchFileException(name);
            }
            return in;
        });
    }

    private static Dataset readIdx(Path images, Path labels, String label, int limit) {
        String column = label == null ? MNIST_LABEL : label;
        Source labelSource = labels == null ? null : Source.of(labels);
        return IdxReader.read(List.<Source[]>of(new Source[] {Source.of(images), labelSource}),
                IdxReader.baseName(images), column, null, limit);
    }

    private static Path pairOf(Path images, String label) {
        if (LabelRule.NONE.equals(label)) {
            return null;
        }
        return IdxReader.partner(images).orElseThrow(() -> new FileProblem(images,
                "no IDX labels file beside it (looked for " + names(IdxReader.partnerCandidates(images))
                        + "); use --label none to read the images unlabelled"));
    }

    private static String names(List<Path> candidates) {
        if (candidates.isEmpty()) {
            return "a file named like X-labels-idx1-ubyte[.gz]; this file's name does not follow that pattern";
        }
        return String.join(" or ", candidates.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** Content first (Parquet's and IDX's magic bytes, also inside gzip), then the extension. */
    static Format detect(Path file) {
        byte[] head = head(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (head.length == 0) {
            throw new FileProblem(file, "empty file (0 bytes)");
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x93 && head[1] == 'N' && head[2] == 'U' && head[3] == 'M') {
            return Format.NPY;
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
            return Format.H5AD;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 && name.endsWith(".npz")) {
            return Format.NPZ;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return Format.PARQUET;
        }
        if (head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0x08) {
            if (head[3] == 3) {
                return Format.IDX_IMAGES;
            }
            if (head[3] == 1) {
                return Format.IDX_LABELS;
            }
        }
        // Not recognised by content: the name says what it should be, and that reader explains what is wrong.
        if (plain.endsWith(".csv")) {
            return Format.CSV;
        }
        if (plain.endsWith(".parquet") || plain.endsWith(".pq")) {
            return Format.PARQUET;
        }
        if (name.endsWith(".npy")) {
            return Format.NPY;
        }
        if (name.endsWith(".npz")) {
            return Format.NPZ;
        }
        if (name.endsWith(".h5ad")) {
            return Format.H5AD;
        }
        if (IdxReader.looksLikeLabelsName(name)) {
            return Format.IDX_LABELS;
        }
        if (IdxReader.looksLikeImagesName(name) || plain.contains("idx3") || plain.endsWith(".idx")) {
            return Format.IDX_IMAGES;
        }
        throw new FileProblem(file, "unknown format: expected IDX (X-images-idx3-ubyte[.gz] with its labels file), "
                + "CSV (.csv), Parquet (.parquet), NumPy (.npy, .npz) or AnnData (.h5ad)");
    }

    /** The first four bytes, of the decompressed content for gzip files. */
    private static byte[] head(Path file) {
        try (InputStream in = IdxReader.decompressed(Source.of(file).open())) {
            return in.readNBytes(4);
        } catch (IOException e) {
            // A damaged gzip file: let the extension decide, and that reader report the damage.
            return new byte[] {1, 1, 1, 1};
        }
    }
}
