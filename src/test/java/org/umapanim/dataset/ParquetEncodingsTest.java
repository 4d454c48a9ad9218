package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import java.util.Random;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.umapanim.common.FileProblem;

/**
 * Files written by parquet-hadoop itself in every page layout the reader decodes by hand: V1 and V2
 * data pages, with and without dictionaries (plain, delta and RLE-dictionary encodings), many
 * small pages and row groups, required and optional columns.
 */
class ParquetEncodingsTest {
    @TempDir
    Path dir;

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message digits {
              required int32 pixel1 (INTEGER(8,false));
              required int32 pixel2 (INTEGER(8,false));
              optional int32 pixel3;
              required int32 pixel4;
              required binary digit (STRING);
            }
            """);

    private static final MessageType MIXED = MessageTypeParser.parseMessageType("""
            message mixed {
              optional double x;
              required float y;
              optional int64 z;
              optional binary name (STRING);
            }
            """);

    @ParameterizedTest
    @CsvSource({"PARQUET_1_0, false", "PARQUET_1_0, true", "PARQUET_2_0, false", "PARQUET_2_0, true"})
    void pixelTableRoundTrips(WriterVersion version, boolean dictionary) throws Exception {
        Path file = dir.resolve("digits-" + version + "-" + dictionary + ".parquet");
        int n = 6000;
        Random random = new Random(11);
        int[][] pixels = new int[n][4];
        String[] labels = new String[n];
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = writer(file, SCHEMA, version, dictionary)) {
            for (int i = 0; i < n; i++) {
                Group g = groups.newGroup();
                for (int j = 0; j < 4; j++) {
                    // runs, repeats and noise, so RLE and bit-packed runs both occur
                    pixels[i][j] = (i / 50) % 3 == 0 ? 0 : random.nextInt(j == 0 ? 256 : 1 << (2 * j + 1));
                    g.add("pixel" + (j + 1), pixels[i][j]);
                }
                labels[i] = Integer.toString(random.nextInt(10));
                g.add("digit", labels[i]);
                writer.write(g);
            }
        }
        assertLayout(file, version, dictionary);
        Dataset ds = DatasetReader.read(file, null, 0);
        assertThat(ds.rows()).isEqualTo(n);
        assertThat(ds.labelColumn()).isEqualTo("digit");
        assertThat(ds.labels()).containsExactly(labels);
        assertThat(ds.image()).contains(new ImageShape(2, 2));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                if (ds.values()[i * 4 + j] != pixels[i][j]) {
                    throw new AssertionError("row " + i + " pixel" + (j + 1) + ": " + ds.values()[i * 4 + j] + " != " + pixels[i][j]);
                }
            }
        }
        Dataset limited = DatasetReader.read(file, null, 4321);
        assertThat(limited.labels()).containsExactly(java.util.Arrays.copyOf(labels, 4321));
    }

    @ParameterizedTest
    @CsvSource({"PARQUET_1_0, false", "PARQUET_1_0, true", "PARQUET_2_0, false", "PARQUET_2_0, true"})
    void optionalColumnsAndNulls(WriterVersion version, boolean dictionary) throws Exception {
        Path file = dir.resolve("mixed-" + version + "-" + dictionary + ".parquet");
        int n = 3000;
        Random random = new Random(5);
        double[] x = new double[n];
        float[] y = new float[n];
        long[] z = new long[n];
        SimpleGroupFactory groups = new SimpleGroupFactory(MIXED);
        try (ParquetWriter<Group> writer = writer(file, MIXED, version, dictionary)) {
            for (int i = 0; i < n; i++) {
                Group g = groups.newGroup();
                x[i] = random.nextInt(4) == 0 ? 1.5 : random.nextGaussian();
                y[i] = (float) random.nextGaussian();
                z[i] = random.nextLong() >> random.nextInt(64);
                g.add("x", x[i]);
                g.add("y", y[i]);
                g.add("z", z[i]);
                g.add("name", "n" + (i % 7));
                writer.write(g);
            }
        }
        assertLayout(file, version, dictionary);
        Dataset ds = DatasetReader.read(file, "name", 0);
        assertThat(ds.columns()).containsExactly("x", "y", "z");
        for (int i = 0; i < n; i++) {
            assertThat(ds.values()[i * 3]).isEqualTo((float) x[i]);
            assertThat(ds.values()[i * 3 + 1]).isEqualTo(y[i]);
            assertThat(ds.values()[i * 3 + 2]).isEqualTo((float) z[i]);
            assertThat(ds.labels()[i]).isEqualTo("n" + (i % 7));
        }

        // the same table with one null deep inside a later page
        Path withNull = dir.resolve("null-" + version + "-" + dictionary + ".parquet");
        try (ParquetWriter<Group> writer = writer(withNull, MIXED, version, dictionary)) {
            for (int i = 0; i < n; i++) {
                Group g = groups.newGroup();
                if (i != 2500) {
                    g.add("x", x[i]);
                }
                g.add("y", y[i]);
                g.add("z", z[i]);
                g.add("name", "n" + (i % 7));
                writer.write(g);
            }
        }
        assertThatThrownBy(() -> DatasetReader.read(withNull, "name", 0))
                .isInstanceOfSatisfying(FileProblem.class, e ->
                        assertThat(e.problem()).isEqualTo("row 2501, column 'x': missing value (null)"));
        assertThat(DatasetReader.read(withNull, "name", 2500).rows()).isEqualTo(2500);
    }

    /** The file really has the layout the test is about: several row groups, the expected encodings. */
    private static void assertLayout(Path file, WriterVersion version, boolean dictionary) throws java.io.IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            List<BlockMetaData> blocks = reader.getRowGroups();
            assertThat(blocks).hasSizeGreaterThan(1);
            Set<Encoding> encodings = new HashSet<>();
            blocks.forEach(b -> b.getColumns().forEach(c -> encodings.addAll(c.getEncodings())));
            if (dictionary) {
                assertThat(encodings).containsAnyOf(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
            } else {
                assertThat(encodings).doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
            }
            if (version == WriterVersion.PARQUET_2_0 && !dictionary) {
                assertThat(encodings).contains(Encoding.DELTA_BINARY_PACKED);
            }
        }
    }

    private static ParquetWriter<Group> writer(Path file, MessageType schema, WriterVersion version, boolean dictionary)
            throws java.io.IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withWriterVersion(version)
                .withDictionaryEncoding(dictionary)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withPageSize(2048)
                .withRowGroupSize(4096L)
                .build();
    }
}
