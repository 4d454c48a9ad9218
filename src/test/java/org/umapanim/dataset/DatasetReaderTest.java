package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;

/** Choosing the reader, the problems common to every format, and the Dataset operations. */
class DatasetReaderTest {
    @TempDir
    Path dir;

    private static FileProblem problem(Path file) {
        try {
            DatasetReader.read(file, null, 0);
        } catch (FileProblem e) {
            assertThat(e.file()).isEqualTo(file);
            return e;
        }
        throw new AssertionError("expected a FileProblem for " + file);
    }

    @Test
    void missingFileFolderAndEmptyFile() throws Exception {
        assertThat(problem(dir.resolve("absent.csv")).problem()).isEqualTo("no such file");
        assertThat(problem(dir.resolve("absent.parquet")).problem()).isEqualTo("no such file");
        assertThat(problem(dir).problem()).isEqualTo("is a folder, not a data file");
        assertThat(problem(Files.createFile(dir.resolve("zero.csv"))).problem()).isEqualTo("empty file (0 bytes)");
    }

    @Test
    void unknownFormat() throws Exception {
        Path text = Files.writeString(dir.resolve("table.txt"), "x,y\n1,2\n");
        assertThat(problem(text).problem()).startsWith("unknown format: expected IDX").contains("CSV (.csv)", "Parquet (.parquet)");
        Path noExtension = Files.write(dir.resolve("blob"), new byte[] {1, 2, 3, 4, 5});
        assertThat(problem(noExtension).problem()).startsWith("unknown format");
    }

    @Test
    void contentWinsOverTheExtension() throws Exception {
        // An IDX pair with misleading names is still read as IDX when given the images file.
        Path csvNamed = IdxFiles.write(dir.resolve("odd-images-idx3-ubyte.csv"),
                IdxFiles.images(2, 1, 1, new byte[] {5, 6}));
        assertThat(DatasetReader.detect(csvNamed)).isEqualTo(DatasetReader.Format.IDX_IMAGES);
        Dataset ds = DatasetReader.read(csvNamed, "none", 0);
        assertThat(ds.values()).containsExactly(5, 6);

        Path parquetNamedCsv = dir.resolve("really-parquet.csv");
        Files.write(parquetNamedCsv, "PAR1 and then nonsense".getBytes());
        assertThat(DatasetReader.detect(parquetNamedCsv)).isEqualTo(DatasetReader.Format.PARQUET);
    }

    @Test
    void negativeLimitIsABadParameter() {
        assertThatThrownBy(() -> DatasetReader.bundled(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetReader.read(dir.resolve("x.csv"), null, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Dataset table(int n, String name) {
        float[] values = new float[n * 2];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            values[2 * i] = i;
            values[2 * i + 1] = -i;
            labels[i] = "c" + (i % 3);
        }
        return new Dataset(name, "ab", List.of("x", "y"), values, "class", labels, Optional.empty());
    }

    @Test
    void limitKeepsTheFirstRows() {
        Dataset ds = table(10, "t");
        Dataset first = ds.limit(4);
        assertThat(first.rows()).isEqualTo(4);
        assertThat(first.values()).containsExactly(0, 0, 1, -1, 2, -2, 3, -3);
        assertThat(first.labels()).containsExactly("c0", "c1", "c2", "c0");
        assertThat(ds.limit(10)).isSameAs(ds);
        assertThat(ds.limit(0).rows()).isZero();
    }

    @Test
    void sampleIsSeededWithoutReplacementAndKeepsRowsWhole() {
        Dataset ds = table(1000, "t");
        Dataset a = ds.sample(100, 42);
        Dataset b = ds.sample(100, 42);
        Dataset c = ds.sample(100, 43);
        assertThat(a.values()).isEqualTo(b.values());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.values()).isNotEqualTo(c.values());
        Set<Float> rows = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            float x = a.values()[2 * i];
            assertThat(a.values()[2 * i + 1]).isEqualTo(-x);
            assertThat(a.labels()[i]).isEqualTo("c" + ((int) x % 3));
            rows.add(x);
        }
        assertThat(rows).hasSize(100);
        // drawn in random order, not file order, and from the whole file
        float[] xs = new float[100];
        for (int i = 0; i < 100; i++) {
            xs[i] = a.values()[2 * i];
        }
        float[] sorted = xs.clone();
        Arrays.sort(sorted);
        assertThat(xs).isNotEqualTo(sorted);
        assertThat(sorted[99]).isGreaterThan(500);
        assertThat(ds.sample(1000, 1).rows()).isEqualTo(1000);
        assertThatThrownBy(() -> ds.sample(1001, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot sample 1001 rows from 1000");
    }

    @Test
    void sampleOfTheBundledDigitsCoversAllClasses() {
        Dataset ds = DatasetReader.bundled(0).sample(500, 42);
        assertThat(new HashSet<>(Arrays.asList(ds.labels()))).hasSize(10);
        assertThat(ds.image()).contains(new ImageShape(28, 28));
    }

    @Test
    void concatJoinsRowsAndChecksums() {
        Dataset a = table(3, "a");
        Dataset b = table(2, "b");
        Dataset ab = Dataset.concat("ab", List.of(a, b));
        assertThat(ab.rows()).isEqualTo(5);
        assertThat(ab.values()).containsExactly(0, 0, 1, -1, 2, -2, 0, 0, 1, -1);
        assertThat(ab.labels()).containsExactly("c0", "c1", "c2", "c0", "c1");
        assertThat(ab.sha256()).hasSize(64).isNotEqualTo(a.sha256());
        assertThat(Dataset.concat("ab", List.of(a, b)).sha256()).isEqualTo(ab.sha256());
        Dataset other = new Dataset("o", "x", List.of("x", "z"), new float[2], "class", new String[] {"a"}, Optional.empty());
        assertThatThrownBy(() -> Dataset.concat("bad", List.of(a, other))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datasetRejectsInconsistentShapes() {
        assertThatThrownBy(() -> new Dataset("n", "s", List.of("x", "y"), new float[3], null, new String[2], Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dataset("n", "s", List.of("x", "y"), new float[2], null, new String[1],
                Optional.of(new ImageShape(2, 2)))).isInstanceOf(IllegalArgumentException.class);
    }
}
