package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/** .npy and .npz files written by NumPy itself, with labels beside them. */
class NumpyReaderTest {
    @TempDir
    static Path dir;

    private static final int N = 60;
    private static final int D = 6;
    private static final String[] KINDS = {"<f2", ">f2", "<f4", ">f4", "<f8", ">f8", "|i1", "<i2", ">i4", "<i8",
            ">i8", "|u1", "<u2", ">u4", "<u8", "|b1"};

    /** Value (i, j) of every test array: exact in every dtype, booleans aside. */
    private static double value(int i, int j, String kind) {
        if (kind.endsWith("b1")) {
            return (i + j) % 2;
        }
        double v = (i * 7 + j * 3) % 50;
        return kind.contains("f") ? v * 0.25 - 3 : kind.contains("i") ? v - 20 : v;
    }

    @BeforeAll
    static void writeWithNumpy() throws Exception {
        Python.require("numpy");
        Python.run(dir, """
                import numpy as np, zipfile
                N, D = %d, %d
                i, j = np.meshgrid(np.arange(N), np.arange(D), indexing='ij')
                v = (i * 7 + j * 3) %% 50
                for kind in %s:
                    x = ((i + j) %% 2) if kind.endswith('b1') else v * 0.25 - 3 if 'f' in kind else v - 20 if 'i' in kind else v
                    name = kind.replace('<', 'le').replace('>', 'be').replace('|', '')
                    a = np.asarray(x).astype(np.dtype(kind))
                    np.save(name + '-c.npy', a)
                    np.save(name + '-f.npy', np.asfortranarray(a))
                a = (v * 0.25 - 3).astype('<f4')
                for version in [(1, 0), (2, 0), (3, 0)]:
                    with open('v%%d.npy' %% version[0], 'wb') as f:
                        np.lib.format.write_array(f, a, version=version)
                images = (np.arange(N * 4 * 3).reshape(N, 4, 3) %% 256).astype(np.uint8)
                np.save('images.npy', images)
                np.save('images-f.npy', np.asfortranarray(images))
                y = np.arange(N) %% 3
                np.save('y-int.npy', y)
                np.save('y-str.npy', np.array(['cat', 'dog', 'bird'])[y])
                np.save('y-bytes.npy', np.array([b'cat', b'dog', b'bird'])[y])
                np.save('y-bool.npy', y == 1)
                np.save('y-column.npy', y.reshape(N, 1).astype(np.int16))
                np.save('y-short.npy', y[:-1])
                np.savetxt('y.txt', y, fmt='%%d')
                with open('y-header.csv', 'w') as f:
                    f.write('species\\n' + ''.join('"s, %%d"\\n' %% k for k in y))
                np.savez('stored.npz', emb=a, y=np.array(['cat', 'dog', 'bird'])[y], other=a[:5])
                np.savez_compressed('deflated.npz', a.astype('>f8'), y)
                with zipfile.ZipFile('deflated.npz') as z:
                    assert all(e.compress_type == zipfile.ZIP_DEFLATED for e in z.infolist())
                with zipfile.ZipFile('stored.npz') as z:
                    assert all(e.compress_type == zipfile.ZIP_STORED for e in z.infolist())
                bad = a.copy(); bad[17, 2] = np.nan
                np.save('nan.npy', bad)
                np.save('huge.npy', np.full((N, D), 1e300))
                np.save('objects.npy', np.array([{'a': 1}] * 3, dtype=object), allow_pickle=True)
                """.formatted(N, D, "['" + String.join("', '", KINDS) + "']"));
    }

    private static Dataset read(String file) {
        return DatasetReader.read(dir.resolve(file), null, 0);
    }

    private static Dataset read(String file, String label, ReadOptions options) {
        return DatasetReader.read(dir.resolve(file), label, 0, options);
    }

    private static ReadOptions labels(String file) {
        return new ReadOptions(dir.resolve(file), null, null, null);
    }

    @Test
    void everyDtypeEitherByteOrderEitherMemoryOrder() {
        for (String kind : KINDS) {
            String name = kind.replace("<", "le").replace(">", "be").replace("|", "");
            for (String order : new String[] {"-c", "-f"}) {
                Dataset ds = read(name + order + ".npy");
                assertThat(ds.rows()).as(name + order).isEqualTo(N);
                assertThat(ds.cols()).isEqualTo(D);
                assertThat(ds.labelled()).isFalse();
                assertThat(ds.columns()).containsExactly("x0", "x1", "x2", "x3", "x4", "x5");
                for (int i = 0; i < N; i++) {
                    for (int j = 0; j < D; j++) {
                        assertThat(ds.values()[i * D + j]).as(name + order + " [" + i + "," + j + "]")
                                .isEqualTo((float) value(i, j, kind));
                    }
                }
            }
        }
    }

    @Test
    void headerVersionsOneToThree() {
        float[] v1 = read("v1.npy").values();
        assertThat(read("v2.npy").values()).containsExactly(v1);
        assertThat(read("v3.npy").values()).containsExactly(v1);
        assertThat(v1[D + 1]).isEqualTo((float) value(1, 1, "<f4"));
    }

    @Test
    void checksumNameAndLimit() throws Exception {
        Dataset ds = DatasetReader.read(dir.resolve("lef4-f.npy"), null, 7);
        assertThat(ds.rows()).isEqualTo(7);
        assertThat(ds.name()).isEqualTo("lef4-f");
        assertThat(ds.sha256()).isEqualTo(Checksums.sha256(dir.resolve("lef4-f.npy")));
        assertThat(ds.values()[6 * D + 5]).isEqualTo((float) value(6, 5, "<f4"));
        assertThat(ds.matrix()).isNull();
    }

    @Test
    void threeDimensionalBytesAreImages() {
        Dataset c = read("images.npy");
        Dataset f = read("images-f.npy");
        assertThat(c.image()).isEqualTo(Optional.of(new ImageShape(4, 3)));
        assertThat(c.columns().get(0)).isEqualTo("pixel1");
        assertThat(f.values()).containsExactly(c.values());
        assertThat(c.values()[12 + 5]).isEqualTo(17f); // row 1, pixel (1, 2)
    }

    @Test
    void labelsFromNpyTextAndCsv() {
        String[] names = {"cat", "dog", "bird"};
        for (String file : new String[] {"y-int.npy", "y-str.npy", "y-bytes.npy", "y-bool.npy", "y-column.npy", "y.txt",
                "y-header.csv"}) {
            Dataset ds = read("lef4-c.npy", null, labels(file));
            assertThat(ds.labelled()).as(file).isTrue();
            for (int i = 0; i < N; i++) {
                String expected = switch (file) {
                    case "y-str.npy", "y-bytes.npy" -> names[i % 3];
                    case "y-bool.npy" -> Boolean.toString(i % 3 == 1);
                    case "y-header.csv" -> "s, " + i % 3;
                    default -> Integer.toString(i % 3);
                };
                assertThat(ds.labels()[i]).as(file + " row " + i).isEqualTo(expected);
            }
            assertThat(ds.labelColumn()).isEqualTo(file.equals("y-header.csv") ? "species" : "label");
        }
    }

    @Test
    void labelsOfTheWrongLengthNameBothFiles() {
        assertThatThrownBy(() -> read("lef4-c.npy", null, labels("y-short.npy")))
                .isInstanceOf(FileProblem.class)
                .hasMessage("holds " + (N - 1) + " labels but " + dir.resolve("lef4-c.npy") + " has " + N + " rows")
                .extracting(e -> ((FileProblem) e).file()).isEqualTo(dir.resolve("y-short.npy"));
        assertThatThrownBy(() -> read("images.npy", null, labels("y-header.csv").labels() == null ? null
                : new ReadOptions(dir.resolve("v1.npy"), null, null, null)))
                .hasMessageContaining("holds shape (" + N + ", " + D + "); labels need one per row");
    }

    @Test
    void npzStoredAndDeflatedArraysAndLabelArrays() {
        Dataset first = read("stored.npz");
        assertThat(first.matrix()).isEqualTo("emb");
        assertThat(first.values()).containsExactly(read("v1.npy").values());
        Dataset named = read("stored.npz", "y", new ReadOptions(null, "emb", null, null));
        assertThat(named.matrix()).isEqualTo("emb");
        assertThat(Arrays.copyOf(named.labels(), 5)).containsExactly("cat", "dog", "bird", "cat", "dog");
        assertThatThrownBy(() -> read("stored.npz", "y", new ReadOptions(null, "other", null, null)))
                .isInstanceOf(FileProblem.class)
                .hasMessage("holds 60 labels but " + dir.resolve("stored.npz") + ":other has 5 rows");
        Dataset deflated = read("deflated.npz", "arr_1", ReadOptions.DEFAULTS);
        assertThat(deflated.matrix()).isEqualTo("arr_0");
        assertThat(deflated.values()).containsExactly(first.values());
        assertThat(deflated.labels()[4]).isEqualTo("1");
        Dataset withFile = read("deflated.npz", null, labels("y-str.npy"));
        assertThat(withFile.labels()[2]).isEqualTo("bird");
    }

    @Test
    void npzProblemsListTheArrays() {
        assertThatThrownBy(() -> read("stored.npz", null, new ReadOptions(null, "X", null, null)))
                .isInstanceOf(SettingProblem.class)
                .hasMessage("array names no array of stored.npz: 'X' (arrays: emb, y, other)");
        assertThatThrownBy(() -> read("stored.npz", "label", ReadOptions.DEFAULTS))
                .isInstanceOf(SettingProblem.class)
                .hasMessage("label names no array of stored.npz: 'label' (arrays: emb, y, other)");
        assertThatThrownBy(() -> read("lef4-c.npy", null, new ReadOptions(null, "X", null, null)))
                .isInstanceOf(SettingProblem.class).hasMessageContaining("applies to npz input, not to lef4-c.npy");
        assertThatThrownBy(() -> read("lef4-c.npy", "digit", ReadOptions.DEFAULTS))
                .isInstanceOf(SettingProblem.class).hasMessageContaining("--labels FILE");
    }

    @Test
    void aHeaderThatLiesAboutTheSizeIsOneLine() throws Exception {
        byte[] good = Files.readAllBytes(dir.resolve("lef4-c.npy"));
        Path shorter = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(good, good.length - 10));
        assertThatThrownBy(() -> DatasetReader.read(shorter, null, 0)).isInstanceOf(FileProblem.class)
                .hasMessage("the .npy header promises shape (60, 6) of <f4 (1440 bytes of data) but the file holds 1430 bytes");
        Path longer = Files.write(dir.resolve("long.npy"), Arrays.copyOf(good, good.length + 4));
        assertThatThrownBy(() -> DatasetReader.read(longer, null, 0)).isInstanceOf(FileProblem.class)
                .hasMessageContaining("but the file holds 1444 bytes");
        String text = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("(60, 6)", "(90, 6)");
        Path lying = Files.write(dir.resolve("lying.npy"), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> DatasetReader.read(lying, null, 0)).isInstanceOf(FileProblem.class)
                .hasMessageContaining("promises shape (90, 6)");
        Path header = Files.write(dir.resolve("header.npy"), Arrays.copyOf(good, 40));
        assertThatThrownBy(() -> DatasetReader.read(header, null, 0)).isInstanceOf(FileProblem.class)
                .hasMessageContaining("truncated .npy header");
    }

    @Test
    void nanTooLargeAndObjectsAreOneLine() {
        assertThatThrownBy(() -> read("nan.npy")).hasMessage("row 18, column 2: NaN is not a finite number");
        assertThatThrownBy(() -> read("huge.npy")).hasMessage("row 1, column 0: 1.0E300 is too large for a float (not a finite number)");
        assertThatThrownBy(() -> read("objects.npy")).isInstanceOf(FileProblem.class)
                .hasMessageContaining("dtype '|O' is not one of");
    }

    @Test
    void recognisedByContentWhateverTheName() throws Exception {
        Path renamed = Files.copy(dir.resolve("lef4-c.npy"), dir.resolve("vectors.data"));
        assertThat(DatasetReader.read(renamed, null, 0).values()).containsExactly(read("lef4-c.npy").values());
        assertThat(DatasetReader.detect(dir.resolve("stored.npz"))).isEqualTo(DatasetReader.Format.NPZ);
        assertThatThrownBy(() -> read("stored.npz", null, new ReadOptions(null, null, "emb", null)))
                .isInstanceOf(SettingProblem.class).hasMessage("features applies to parquet and csv input, not to stored.npz");
    }

    @Test
    void halfFloatsIncludingSubnormalsAndInfinities() {
        assertThat(NpyArray.halfToFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(NpyArray.halfToFloat((short) 0xC000)).isEqualTo(-2f);
        assertThat(NpyArray.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(NpyArray.halfToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(NpyArray.halfToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(NpyArray.halfToFloat((short) 0x7E00)).isNaN();
    }
}
