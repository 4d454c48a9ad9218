package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;

class IdxReaderTest {
    @TempDir
    Path dir;

    private final Random random = new Random(7);

    private byte[] randomBytes(int n, int bound) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(bound);
        }
        return b;
    }

    private static String sha256(Path... files) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Path f : files) {
            digest.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static FileProblem problem(Runnable read) {
        try {
            read.run();
        } catch (FileProblem e) {
            return e;
        }
        throw new AssertionError("expected a FileProblem");
    }

    @Test
    void readsPlainAndGzipPairsByteForByte() throws Exception {
        byte[] pixels = randomBytes(7 * 4 * 3, 256);
        byte[] labels = randomBytes(7, 10);
        for (String ext : new String[] {"", ".gz"}) {
            Path images = IdxFiles.write(dir.resolve("x-images-idx3-ubyte" + ext), IdxFiles.images(7, 4, 3, pixels));
            Path labelFile = IdxFiles.write(dir.resolve("x-labels-idx1-ubyte" + ext), IdxFiles.labels(7, labels));
            Dataset ds = IdxReader.read(images, labelFile, "x", "digit", null);
            assertThat(ds.rows()).isEqualTo(7);
            assertThat(ds.cols()).isEqualTo(12);
            assertThat(ds.image()).contains(new ImageShape(4, 3));
            assertThat(ds.columns()).startsWith("pixel1", "pixel2").endsWith("pixel12");
            for (int i = 0; i < pixels.length; i++) {
                assertThat(ds.values()[i]).isEqualTo((float) (pixels[i] & 0xFF));
            }
            for (int i = 0; i < 7; i++) {
                assertThat(ds.labels()[i]).isEqualTo(Integer.toString(labels[i]));
            }
            assertThat(ds.labelColumn()).isEqualTo("digit");
            assertThat(ds.sha256()).isEqualTo(sha256(images, labelFile));
        }
    }

    @Test
    void classNamesReplaceNumbers() throws Exception {
        Path images = IdxFiles.write(dir.resolve("f-images-idx3-ubyte"), IdxFiles.images(3, 2, 2, randomBytes(12, 256)));
        Path labels = IdxFiles.write(dir.resolve("f-labels-idx1-ubyte"), IdxFiles.labels(3, new byte[] {2, 0, 1}));
        Dataset ds = IdxReader.read(images, labels, "fashion", "class", List.of("T-shirt/top", "Trouser", "Pullover"));
        assertThat(ds.labels()).containsExactly("Pullover", "T-shirt/top", "Trouser");
        assertThat(ds.classes()).as("the known order of the names, not the alphabet's")
                .containsExactly("T-shirt/top", "Trouser", "Pullover");
        assertThat(ds.labelColumn()).isEqualTo("class");

        FileProblem e = problem(() -> IdxReader.read(images, labels, "f", "class", List.of("a", "b")));
        assertThat(e.file()).isEqualTo(labels);
        assertThat(e.problem()).contains("label 2 of image 1", "2 classes");
    }

    @Test
    void severalPairsConcatenateInOrderWithOneChecksum() throws Exception {
        byte[] p1 = randomBytes(5 * 4, 256);
        byte[] p2 = randomBytes(3 * 4, 256);
        Path i1 = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFiles.images(5, 2, 2, p1));
        Path l1 = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels(5, new byte[] {1, 1, 1, 1, 1}));
        Path i2 = IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.images(3, 2, 2, p2));
        Path l2 = IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.labels(3, new byte[] {2, 2, 2}));
        Dataset ds = IdxReader.read(List.of(new IdxReader.Pair(i1, l1), new IdxReader.Pair(i2, l2)), "mnist", "digit", null);
        assertThat(ds.rows()).isEqualTo(8);
        assertThat(ds.labels()).containsExactly("1", "1", "1", "1", "1", "2", "2", "2");
        assertThat(ds.values()[5 * 4]).isEqualTo((float) (p2[0] & 0xFF));
        assertThat(ds.values()[8 * 4 - 1]).isEqualTo((float) (p2[11] & 0xFF));
        assertThat(ds.sha256()).isEqualTo(sha256(i1, l1, i2, l2));
        assertThat(ds.name()).isEqualTo("mnist");
    }

    @Test
    void inputFindsThePartnerFileUnderTheUsualNames() throws Exception {
        byte[] pixels = randomBytes(4 * 4, 256);
        for (String[] names : new String[][] {
                {"train-images.idx3-ubyte", "train-labels.idx1-ubyte"},
                {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz"}, // mixed compression
                {"a-images-idx3-ubyte.gz", "a-labels-idx1-ubyte.gz"}}) {
            Path images = IdxFiles.write(dir.resolve(names[0]), IdxFiles.images(4, 2, 2, pixels));
            Path labels = IdxFiles.write(dir.resolve(names[1]), IdxFiles.labels(4, new byte[] {3, 1, 4, 1}));
            for (Path given : List.of(images, labels)) {
                Dataset ds = DatasetReader.read(given, null, 0);
                assertThat(ds.labels()).as(given.toString()).containsExactly("3", "1", "4", "1");
                assertThat(ds.labelColumn()).isEqualTo("digit");
                assertThat(ds.sha256()).isEqualTo(sha256(images, labels));
            }
        }
        assertThat(DatasetReader.read(dir.resolve("train-images.idx3-ubyte"), null, 0).name()).isEqualTo("train");
        assertThat(DatasetReader.read(dir.resolve("train-images.idx3-ubyte"), "number", 2).labelColumn()).isEqualTo("number");
    }

    @Test
    void loneImagesFileNeedsLabelNone() throws Exception {
        Path images = IdxFiles.write(dir.resolve("lone-images-idx3-ubyte"), IdxFiles.images(3, 2, 2, randomBytes(12, 256)));
        FileProblem e = problem(() -> DatasetReader.read(images, null, 0));
        assertThat(e.file()).isEqualTo(images);
        assertThat(e.problem()).contains("no IDX labels file", "lone-labels-idx1-ubyte", "--label none");

        Dataset ds = DatasetReader.read(images, "none", 0);
        assertThat(ds.labelled()).isFalse();
        assertThat(ds.labelColumn()).isNull();
        assertThat(ds.labels()).containsOnly(Dataset.NO_LABEL).hasSize(3);
        assertThat(ds.sha256()).isEqualTo(sha256(images));

        Path labels = IdxFiles.write(dir.resolve("orphan-labels-idx1-ubyte"), IdxFiles.labels(1, new byte[] {1}));
        FileProblem orphan = problem(() -> DatasetReader.read(labels, null, 0));
        assertThat(orphan.problem()).contains("labels file", "orphan-images-idx3-ubyte");
    }

    @Test
    void limitKeepsTheFirstImagesButChecksTheWholeFile() throws Exception {
        byte[] pixels = randomBytes(10 * 4, 256);
        Path images = IdxFiles.write(dir.resolve("l-images-idx3-ubyte"), IdxFiles.images(10, 2, 2, pixels));
        Path labels = IdxFiles.write(dir.resolve("l-labels-idx1-ubyte"), IdxFiles.labels(10, randomBytes(10, 10)));
        Dataset ds = DatasetReader.read(images, null, 4);
        assertThat(ds.rows()).isEqualTo(4);
        assertThat(ds.values()).hasSize(16);
        assertThat(ds.values()[15]).isEqualTo((float) (pixels[15] & 0xFF));
        assertThat(ds.sha256()).isEqualTo(sha256(images, labels));

        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 16 + 9 * 4));
        assertThat(problem(() -> DatasetReader.read(images, null, 4)).problem()).contains("truncated");
    }

    @Test
    void missingFile() {
        Path nowhere = dir.resolve("nothing-images-idx3-ubyte.gz");
        FileProblem e = problem(() -> DatasetReader.read(nowhere, null, 0));
        assertThat(e.file()).isEqualTo(nowhere);
        assertThat(e.problem()).isEqualTo("no such file");
        FileProblem direct = problem(() -> IdxReader.read(nowhere, null, "n", "digit", null));
        assertThat(direct.problem()).isEqualTo("no such file");
    }

    @Test
    void wrongMagicNumber() throws Exception {
        // a labels file where the images file should be
        Path images = IdxFiles.write(dir.resolve("w-images-idx3-ubyte"), IdxFiles.labels(2, new byte[] {1, 2}));
        Path labels = IdxFiles.write(dir.resolve("w-labels-idx1-ubyte"), IdxFiles.labels(2, new byte[] {1, 2}));
        FileProblem e = problem(() -> IdxReader.read(images, labels, "w", "digit", null));
        assertThat(e.file()).isEqualTo(images);
        assertThat(e.problem()).contains("wrong magic number 0x00000801", "labels file", "expected 0x00000803");

        // arbitrary bytes in a file named like IDX
        Path junk = IdxFiles.write(dir.resolve("junk-images-idx3-ubyte.gz"), "hello, world, this is text".getBytes());
        FileProblem j = problem(() -> DatasetReader.read(junk, "none", 0));
        assertThat(j.file()).isEqualTo(junk);
        assertThat(j.problem()).contains("wrong magic number 0x68656C6C");

        // float IDX (type 0x0D) is not supported
        byte[] floats = IdxFiles.images(1, 1, 1, new byte[4]);
        floats[2] = 0x0D;
        Path typed = IdxFiles.write(dir.resolve("t-images-idx3-ubyte"), floats);
        assertThat(problem(() -> DatasetReader.read(typed, "none", 0)).problem()).contains("0x00000D03", "only unsigned bytes");

        // images where the labels should be
        Path imagesAsLabels = IdxFiles.write(dir.resolve("v-labels-idx1-ubyte"), IdxFiles.images(2, 1, 1, new byte[2]));
        Path vImages = IdxFiles.write(dir.resolve("v-images-idx3-ubyte"), IdxFiles.images(2, 1, 1, new byte[2]));
        FileProblem v = problem(() -> IdxReader.read(vImages, imagesAsLabels, "v", "digit", null));
        assertThat(v.file()).isEqualTo(imagesAsLabels);
        assertThat(v.problem()).contains("wrong magic number 0x00000803", "expected 0x00000801");
    }

    @Test
    void truncatedFiles() throws Exception {
        byte[] full = IdxFiles.images(10, 2, 2, randomBytes(40, 256));
        Path labels = IdxFiles.write(dir.resolve("tr-labels-idx1-ubyte"), IdxFiles.labels(10, randomBytes(10, 10)));

        Path plain = dir.resolve("tr-images-idx3-ubyte");
        Files.write(plain, Arrays.copyOf(full, full.length - 6));
        FileProblem e = problem(() -> IdxReader.read(plain, labels, "tr", "digit", null));
        assertThat(e.file()).isEqualTo(plain);
        assertThat(e.problem()).contains("truncated", "10 images of 2x2", "after 8");

        // a damaged header announcing far more images than there are
        byte[] huge = full.clone();
        huge[4] = 0x01; // 16,777,226 images of 2x2
        Files.write(plain, huge);
        assertThat(problem(() -> IdxReader.read(plain, labels, "tr", "digit", null)).problem())
                .contains("truncated", "the data ends after 10 of them");

        Files.write(plain, Arrays.copyOf(full, 10));
        assertThat(problem(() -> IdxReader.read(plain, labels, "tr", "digit", null)).problem())
                .contains("truncated", "header");

        // gzip stream cut in the middle
        Path gz = dir.resolve("tz-images-idx3-ubyte.gz");
        byte[] zipped = IdxFiles.gzip(IdxFiles.images(500, 28, 28, randomBytes(500 * 784, 256)));
        Files.write(gz, Arrays.copyOf(zipped, zipped.length / 2));
        FileProblem z = problem(() -> DatasetReader.read(gz, "none", 0));
        assertThat(z.file()).isEqualTo(gz);
        assertThat(z.problem()).contains("truncated");

        Files.write(plain, full);
        byte[] shortLabels = IdxFiles.labels(10, randomBytes(7, 10));
        Files.write(labels, shortLabels);
        FileProblem l = problem(() -> IdxReader.read(plain, labels, "tr", "digit", null));
        assertThat(l.file()).isEqualTo(labels);
        assertThat(l.problem()).contains("truncated", "10 labels", "after 7");
    }

    @Test
    void imageAndLabelCountMismatch() throws Exception {
        Path images = IdxFiles.write(dir.resolve("m-images-idx3-ubyte"), IdxFiles.images(5, 2, 2, randomBytes(20, 256)));
        Path labels = IdxFiles.write(dir.resolve("m-labels-idx1-ubyte"), IdxFiles.labels(4, randomBytes(4, 10)));
        FileProblem e = problem(() -> DatasetReader.read(images, null, 0));
        assertThat(e.file()).isEqualTo(labels);
        assertThat(e.problem()).isEqualTo("has 4 labels but m-images-idx3-ubyte has 5 images");
    }

    @Test
    void zeroImagesAndTrailingData() throws Exception {
        Path empty = IdxFiles.write(dir.resolve("z-images-idx3-ubyte"), IdxFiles.images(0, 28, 28, new byte[0]));
        assertThat(problem(() -> DatasetReader.read(empty, "none", 0)).problem()).contains("no images");

        Path longer = IdxFiles.write(dir.resolve("e-images-idx3-ubyte"), IdxFiles.images(2, 1, 1, new byte[3]));
        assertThat(problem(() -> DatasetReader.read(longer, "none", 0)).problem()).contains("more data than the 2 images");
    }

    @Test
    void readsSeventyThousandDigits() throws Exception {
        // The bundled digits seven times over: MNIST's real size and compressibility.
        byte[] sample;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
                Files.newInputStream(BundledSampleTest.IMAGES))) {
            sample = in.readAllBytes();
        }
        int n = 70_000;
        byte[] pixels = new byte[n * 784];
        for (int k = 0; k < 7; k++) {
            System.arraycopy(sample, 16, pixels, k * 10_000 * 784, 10_000 * 784);
        }
        Path images = dir.resolve("big-images-idx3-ubyte.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(images), 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            out.write(IdxFiles.images(n, 28, 28, pixels));
        }
        Path labels = IdxFiles.write(dir.resolve("big-labels-idx1-ubyte.gz"), IdxFiles.labels(n, randomBytes(n, 10)));
        Dataset ds = IdxReader.read(images, labels, "big", "digit", null);
        assertThat(ds.rows()).isEqualTo(n);
        assertThat(ds.values()[69_999 * 784 + 400]).isEqualTo((float) (pixels[69_999 * 784 + 400] & 0xFF));
    }
}
