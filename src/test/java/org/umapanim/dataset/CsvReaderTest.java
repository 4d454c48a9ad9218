package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static FileProblem problem(Path file, String label) {
        try {
            DatasetReader.read(file, label, 0);
        } catch (FileProblem e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.problem()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("expected a FileProblem for " + file);
    }

    @Test
    void roundTripOfARandomTable() throws Exception {
        Random random = new Random(3);
        int n = 200;
        String[] species = {"setosa", "versicolor", "virginica"};
        float[][] values = new float[n][4];
        String[] labels = new String[n];
        StringBuilder text = new StringBuilder("sepal_length,sepal_width,species,petal_length,petal_width\n");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                values[i][j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
            }
            labels[i] = species[random.nextInt(3)];
            text.append(values[i][0]).append(',').append(values[i][1]).append(',').append(labels[i]).append(',')
                    .append(values[i][2]).append(',').append(values[i][3]).append('\n');
        }
        Path file = csv("iris.csv", text.toString());
        Dataset ds = DatasetReader.read(file, "species", 0);
        assertThat(ds.name()).isEqualTo("iris");
        assertThat(ds.rows()).isEqualTo(n);
        assertThat(ds.columns()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(ds.labelColumn()).isEqualTo("species");
        assertThat(ds.labels()).containsExactly(labels);
        assertThat(ds.image()).isEmpty();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(ds.values()[i * 4 + j]).isEqualTo(values[i][j]);
            }
        }
        assertThat(ds.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        assertThat(DatasetReader.read(file, "species", 10).rows()).isEqualTo(10);
    }

    @Test
    void automaticLabelRuleAndNone() throws Exception {
        Path digit = csv("d.csv", "a,Digit,class\n1,7,2\n3,8,4\n");
        Dataset ds = DatasetReader.read(digit, null, 0);
        assertThat(ds.labelColumn()).isEqualTo("Digit"); // digit comes before class; case ignored
        assertThat(ds.labels()).containsExactly("7", "8");
        assertThat(ds.columns()).containsExactly("a", "class");

        Path label = csv("l.csv", "class,label,x\n1,yes,2\n3,no,4\n");
        assertThat(DatasetReader.read(label, null, 0).labelColumn()).isEqualTo("label");

        Path plain = csv("p.csv", "x,y\n1,2\n3,4\n");
        Dataset unlabelled = DatasetReader.read(plain, null, 0);
        assertThat(unlabelled.labelled()).isFalse();
        assertThat(unlabelled.labels()).containsExactly(Dataset.NO_LABEL, Dataset.NO_LABEL);

        Dataset none = DatasetReader.read(digit, "none", 0);
        assertThat(none.labelled()).isFalse();
        assertThat(none.columns()).containsExactly("a", "Digit", "class");
        assertThat(none.values()).containsExactly(1, 7, 2, 3, 8, 4);
        FileProblem textInNumbers = problem(label, "none");
        assertThat(textInNumbers.problem()).contains("line 2, column 'label'", "'yes' is not a number");
    }

    @Test
    void pixelColumnsMakeAnImage() throws Exception {
        Path image = csv("img.csv", "digit,pixel1,pixel2,pixel3,pixel4\n1,0,255,12,0\n2,3,4,5,6\n");
        Dataset ds = DatasetReader.read(image, null, 0);
        assertThat(ds.image()).contains(new ImageShape(2, 2));
        assertThat(ds.values()).containsExactly(0, 255, 12, 0, 3, 4, 5, 6);

        Path fractional = csv("frac.csv", "digit,pixel1,pixel2,pixel3,pixel4\n1,0,255,12,0.5\n");
        assertThat(DatasetReader.read(fractional, null, 0).image()).isEmpty();
        Path big = csv("big.csv", "digit,pixel1,pixel2,pixel3,pixel4\n1,0,256,12,0\n");
        assertThat(DatasetReader.read(big, null, 0).image()).isEmpty();
        Path notSquare = csv("ns.csv", "digit,pixel1,pixel2,pixel3\n1,0,255,12\n");
        assertThat(DatasetReader.read(notSquare, null, 0).image()).isEmpty();
    }

    @Test
    void quotesBlankLinesBomCrlfAndGzip() throws Exception {
        String text = "\uFEFF\"name\",x,\"y\"\r\n\"a, b\",1,\" 2.5 \"\r\n\r\n\"say \"\"hi\"\"\",-3e2,+4\r\n";
        Path file = csv("q.csv", text);
        Dataset ds = DatasetReader.read(file, "name", 0);
        assertThat(ds.labels()).containsExactly("a, b", "say \"hi\"");
        assertThat(ds.values()).containsExactly(1f, 2.5f, -300f, 4f);

        Path gz = dir.resolve("q.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Dataset zipped = DatasetReader.read(gz, "name", 0);
        assertThat(zipped.values()).containsExactly(ds.values());
        assertThat(zipped.name()).isEqualTo("q");
    }

    @Test
    void raggedRowsNameTheLine() throws Exception {
        FileProblem few = problem(csv("r1.csv", "label,x,y\na,1,2\nb,3\n"), null);
        assertThat(few.problem()).isEqualTo("line 3 has 2 fields but the header has 3");
        FileProblem many = problem(csv("r2.csv", "label,x,y\na,1,2\n\nb,3,4,5\n"), null);
        assertThat(many.problem()).isEqualTo("line 4 has 4 fields but the header has 3");
        FileProblem quoted = problem(csv("r3.csv", "label,x,y\n\"a\",1\n"), null);
        assertThat(quoted.problem()).isEqualTo("line 2 has 2 fields but the header has 3");
    }

    @Test
    void nonNumericNanAndInfNameLineAndColumn() throws Exception {
        assertThat(problem(csv("n1.csv", "label,x,y\na,1,2\nb,3,abc\n"), null).problem())
                .isEqualTo("line 3, column 'y': 'abc' is not a number");
        assertThat(problem(csv("n2.csv", "label,x,y\na,NaN,2\n"), null).problem())
                .isEqualTo("line 2, column 'x': NaN is not a finite number");
        assertThat(problem(csv("n3.csv", "label,x,y\na,1,-Infinity\n"), null).problem())
                .isEqualTo("line 2, column 'y': -Infinity is not a finite number");
        assertThat(problem(csv("n4.csv", "label,x,y\na,1,inf\n"), null).problem())
                .contains("line 2, column 'y'", "not a finite number");
        assertThat(problem(csv("n5.csv", "label,x,y\na,1e39,1\n"), null).problem())
                .contains("line 2, column 'x'", "too large for a float");
        assertThat(problem(csv("n6.csv", "label,x,y\na,,1\n"), null).problem())
                .isEqualTo("line 2, column 'x': empty value");
        assertThat(problem(csv("n7.csv", "label,x,y\na,0x10,1\n"), null).problem())
                .contains("'0x10' is not a number");
        assertThat(problem(csv("n8.csv", "label,x,y\n,1,1\n"), null).problem())
                .contains("line 2", "empty label");
    }

    @Test
    void namedLabelColumnMustExist() throws Exception {
        FileProblem e = problem(csv("s.csv", "x,y,kind\n1,2,a\n"), "species");
        assertThat(e.problem()).isEqualTo("no label column 'species' (columns: x, y, kind)");
    }

    @Test
    void zeroRowsEmptyFileAndNoFeatureColumns() throws Exception {
        assertThat(problem(csv("h.csv", "label,x,y\n"), null).problem()).isEqualTo("no data rows after the header");
        assertThat(problem(csv("h2.csv", "label,x,y\n\n\n"), null).problem()).isEqualTo("no data rows after the header");
        assertThat(problem(csv("e.csv", ""), null).problem()).contains("empty file");
        assertThat(problem(csv("o.csv", "label\na\n"), null).problem()).contains("no numeric columns");
        assertThat(problem(csv("dup.csv", "x,x,label\n1,2,a\n"), null).problem()).contains("'x' appears twice");
    }

    @Test
    void readsAWideDigitTable() throws Exception {
        // 10,000 rows × 784 small integers, like the original notebook's CSV
        Random random = new Random(1);
        StringBuilder text = new StringBuilder("label");
        for (int j = 1; j <= 784; j++) {
            text.append(",pixel").append(j);
        }
        text.append('\n');
        for (int i = 0; i < 10_000; i++) {
            text.append(i % 10);
            for (int j = 0; j < 784; j++) {
                text.append(',').append(random.nextInt(8) == 0 ? random.nextInt(256) : 0);
            }
            text.append('\n');
        }
        Path file = csv("wide.csv", text.toString());
        Dataset ds = DatasetReader.read(file, null, 0);
        assertThat(ds.rows()).isEqualTo(10_000);
        assertThat(ds.image()).contains(new ImageShape(28, 28));
    }
}
