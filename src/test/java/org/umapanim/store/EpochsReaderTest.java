package org.umapanim.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.FileProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Our files read back; files that are not ours refused with a message that says why. */
class EpochsReaderTest {
    private static Duck duck;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDuck() throws Exception {
        duck = new Duck();
    }

    @AfterAll
    static void stopDuck() throws Exception {
        duck.close();
    }

    private Path written(int n, int epochs, long seed) {
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(n, epochs, seed);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, epochs, false, Map.of("dataset.name", "synthetic"));
        run.run(writer);
        writer.finish();
        return file;
    }

    @Test
    void readsEveryEpochInOrderAsWritten() throws Exception {
        int n = 3000, epochs = 30;
        Path file = dir.resolve("epochs.parquet");
        SyntheticLayouts run = new SyntheticLayouts(n, epochs, 11);
        EpochsWriter writer = new EpochsWriter(file, "digit", run.labels, epochs, false, Map.of("dataset.name", "synthetic"));
        float[][] history = run.runRecorded(writer);
        EpochsSummary summary = writer.finish();
        Normalisation norm = summary.normalisation();

        {
            EpochsReader reader = EpochsReader.open(file);
            assertThat(reader.points()).isEqualTo(n);
            assertThat(reader.lastEpoch()).isEqualTo(epochs);
            assertThat(reader.labelColumn()).isEqualTo("digit");
            assertThat(reader.labels()).containsExactly(run.labels);
            assertThat(reader.metadata()).containsEntry("dataset.name", "synthetic");
            assertThat(reader.normalisation()).isEqualTo(norm);

            List<Integer> seen = new ArrayList<>();
            reader.forEachEpoch((epoch, xy) -> {
                seen.add(epoch);
                assertThat(xy).hasSize(2 * n);
                for (int i = 0; i < n; i++) {
                    assertThat(xy[2 * i]).isEqualTo(norm.x(history[epoch][2 * i]));
                    assertThat(xy[2 * i + 1]).isEqualTo(norm.y(history[epoch][2 * i + 1]));
                }
            });
            assertThat(seen).hasSize(epochs + 1).isSorted().startsWith(0).endsWith(epochs);
            // a second pass works too
            int[] count = {0};
            reader.forEachEpoch((epoch, xy) -> count[0]++);
            assertThat(count[0]).isEqualTo(epochs + 1);
        }
    }

    @Test
    void readsAFileSpanningManyRowGroups() throws Exception {
        // 1M rows per row group: 6000 × 201 rows make two row groups, one boundary mid-epoch
        int n = 6000, epochs = 200;
        Path file = written(n, epochs, 12);
        assertThat((Long) duck.one("SELECT count(DISTINCT row_group_id) FROM parquet_metadata(" + Duck.quote(file) + ")"))
                .isGreaterThan(1L);
        {
            EpochsReader reader = EpochsReader.open(file);
            int[] next = {0};
            reader.forEachEpoch((epoch, xy) -> {
                assertThat(epoch).isEqualTo(next[0]++);
            });
            assertThat(next[0]).isEqualTo(epochs + 1);
            // spot check against DuckDB across the boundary
            float[][] last = new float[1][];
            reader.forEachEpoch((epoch, xy) -> {
                if (epoch == 174) {
                    last[0] = xy.clone();   // the reader reuses its array
                }
            });
            List<Object[]> rows = duck.rows("SELECT x, y FROM read_parquet(" + Duck.quote(file) + ") WHERE epoch = 174 ORDER BY index");
            for (int i = 0; i < n; i += 97) {
                assertThat(last[0][2 * i]).isEqualTo((Float) rows.get(i)[0]);
                assertThat(last[0][2 * i + 1]).isEqualTo((Float) rows.get(i)[1]);
            }
        }
    }

    @Test
    void listenerExceptionsPropagate() throws Exception {
        Path file = written(100, 3, 13);
        {
            EpochsReader reader = EpochsReader.open(file);
            assertThatThrownBy(() -> reader.forEachEpoch((e, xy) -> {
                throw new UncheckedIOException(new IOException("disk full"));
            })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
            assertThatThrownBy(() -> reader.forEachEpoch((e, xy) -> {
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        }
    }

    @Test
    void acceptsTheSameTableWrittenByAnotherTool() throws Exception {
        Path file = dir.resolve("duck.parquet");
        // DuckDB writes optional columns, its own encodings and no metadata of ours
        duck.execute("COPY (SELECT i::UINTEGER AS index, (i / 10.0)::FLOAT AS x, (1 - i / 10.0)::FLOAT AS y,"
                + " (i % 3)::VARCHAR AS digit, e::USMALLINT AS epoch FROM range(3) t(e), range(10) s(i) ORDER BY e, i)"
                + " TO " + Duck.quote(file) + " (FORMAT parquet)");
        {
            EpochsReader reader = EpochsReader.open(file);
            assertThat(reader.points()).isEqualTo(10);
            assertThat(reader.lastEpoch()).isEqualTo(2);
            assertThat(reader.labelColumn()).isEqualTo("digit");
            assertThat(reader.labels()).containsExactly("0", "1", "2", "0", "1", "2", "0", "1", "2", "0");
            assertThat(reader.normalisation()).isNull();
            List<float[]> epochs = new ArrayList<>();
            reader.forEachEpoch((e, xy) -> epochs.add(xy));
            assertThat(epochs).hasSize(3);
            assertThat(epochs.get(2)[2 * 7]).isEqualTo(0.7f);
            assertThat(epochs.get(2)[2 * 7 + 1]).isEqualTo(0.3f);
        }
    }

    // ---- files that are not ours ---------------------------------------------------------------

    private String problemWith(Path file) {
        FileProblem p = catchThrowableOfType(FileProblem.class, () -> {
            {
            EpochsReader reader = EpochsReader.open(file);
                reader.forEachEpoch((e, xy) -> {});
            }
        });
        assertThat(p).as("FileProblem for %s", file).isNotNull();
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.problem()).doesNotContain("\n");
        return p.problem();
    }

    /** A DuckDB-written table from {@code select} (over t(e) epochs × s(i) indices). */
    private Path foreign(String name, String select) throws Exception {
        Path file = dir.resolve(name + ".parquet");
        duck.execute("COPY (" + select + ") TO " + Duck.quote(file) + " (FORMAT parquet)");
        return file;
    }

    private static final String GOOD_COLUMNS = "i::UINTEGER AS index, 0.5::FLOAT AS x, 0.5::FLOAT AS y,"
            + " 'a' AS digit, e::USMALLINT AS epoch";

    @Test
    void missingFile() {
        assertThat(problemWith(dir.resolve("nope.parquet"))).isEqualTo("does not exist");
    }

    @Test
    void randomBytes() throws Exception {
        Path file = dir.resolve("random.parquet");
        byte[] bytes = new byte[5000];
        new Random(1).nextBytes(bytes);
        Files.write(file, bytes);
        assertThat(problemWith(file)).isEqualTo("not a Parquet file");
    }

    @Test
    void emptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.parquet"));
        assertThat(problemWith(file)).isEqualTo("is empty, not a Parquet file");
    }

    @Test
    void truncatedFile() throws Exception {
        Path file = written(500, 10, 14);
        byte[] bytes = Files.readAllBytes(file);
        for (int keep : new int[] {bytes.length - 1, bytes.length - 9, bytes.length / 2, 4}) {
            Path cut = dir.resolve("cut-" + keep + ".parquet");
            Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
            assertThat(problemWith(cut)).as("cut to %d bytes", keep).isEqualTo("truncated Parquet file (it has no footer)");
        }
        // the end intact but the footer length a lie
        bytes[bytes.length - 6] ^= 0x40;
        Path lying = dir.resolve("bad-footer.parquet");
        Files.write(lying, bytes);
        assertThat(problemWith(lying)).startsWith("corrupt Parquet footer (");
    }

    @Test
    void corruptDataPages() throws Exception {
        Path file = written(2000, 10, 15);
        byte[] good = Files.readAllBytes(file);
        // scribble over the middle of the data, leaving header and footer intact: whatever the
        // decoders trip over (page headers, ZSTD frames, lengths), it is the file's fault
        for (int seed = 0; seed < 8; seed++) {
            byte[] bytes = good.clone();
            Random random = new Random(seed);
            for (int k = 0; k < 2000; k++) {
                bytes[bytes.length / 4 + random.nextInt(bytes.length / 2)] = (byte) random.nextInt();
            }
            Path bad = dir.resolve("scribbled-" + seed + ".parquet");
            Files.write(bad, bytes);
            assertThat(problemWith(bad)).as("seed %d", seed).startsWith("corrupt Parquet data (");
        }
    }

    @Test
    void oneFlippedBitInTheCoordinatesIsCaughtByThePageChecksum() throws Exception {
        Path file = written(2000, 10, 16);
        Object[] chunk = duck.rows("SELECT data_page_offset, total_compressed_size FROM parquet_metadata("
                + Duck.quote(file) + ") WHERE path_in_schema = 'x' AND row_group_id = 0").get(0);
        long middle = ((Number) chunk[0]).longValue() + ((Number) chunk[1]).longValue() / 2;
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) middle] ^= 0x10;
        Path bad = dir.resolve("flipped.parquet");
        Files.write(bad, bytes);
        // open() only checks the index and epoch columns; the damage shows when the coordinates are read
        assertThat(problemWith(bad)).isEqualTo("corrupt Parquet data (could not verify page integrity, CRC checksum verification failed)");
    }

    @Test
    void missingColumn() throws Exception {
        Path file = foreign("no-y", "SELECT i::UINTEGER AS index, 0.5::FLOAT AS x, 'a' AS digit, e::USMALLINT AS epoch"
                + " FROM range(2) t(e), range(5) s(i) ORDER BY e, i");
        assertThat(problemWith(file)).startsWith("missing column 'y'");
    }

    @Test
    void wrongTypes() throws Exception {
        assertThat(problemWith(foreign("double-x", "SELECT i::UINTEGER AS index, 0.5::DOUBLE AS x, 0.5::FLOAT AS y,"
                + " 'a' AS digit, e::USMALLINT AS epoch FROM range(2) t(e), range(5) s(i) ORDER BY e, i")))
                .isEqualTo("column 'x' is DOUBLE, expected FLOAT");
        assertThat(problemWith(foreign("text-index", "SELECT i::VARCHAR AS index, 0.5::FLOAT AS x, 0.5::FLOAT AS y,"
                + " 'a' AS digit, e::USMALLINT AS epoch FROM range(2) t(e), range(5) s(i) ORDER BY e, i")))
                .startsWith("column 'index' is BINARY").endsWith("expected INT32 (UINT_32)");
        assertThat(problemWith(foreign("int-label", "SELECT i::UINTEGER AS index, 0.5::FLOAT AS x, 0.5::FLOAT AS y,"
                + " 3 AS digit, e::USMALLINT AS epoch FROM range(2) t(e), range(5) s(i) ORDER BY e, i")))
                .isEqualTo("label column 'digit' is INT32 (INTEGER(32,true)), expected BINARY (UTF8)");
    }

    @Test
    void twoCandidateLabelColumns() throws Exception {
        assertThat(problemWith(foreign("two-labels", "SELECT " + GOOD_COLUMNS + ", 'b' AS colour"
                + " FROM range(2) t(e), range(5) s(i) ORDER BY e, i")))
                .isEqualTo("cannot tell which column holds the labels: digit, colour");
    }

    @Test
    void epochsOutOfOrder() throws Exception {
        assertThat(problemWith(foreign("epoch-desc", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5) s(i) ORDER BY e DESC, i")))
                .startsWith("the first rows are epoch 2, expected epoch 0");
        assertThat(problemWith(foreign("epoch-shuffled", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5) s(i) ORDER BY (e + 1) % 3, i")))   // 2, 0, 1
                .startsWith("the first rows are epoch 2");
        assertThat(problemWith(foreign("epoch-0-2-1", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5) s(i) ORDER BY e = 1, e, i")))   // 0, 2, 1
                .isEqualTo("epochs missing: epoch 2 follows epoch 0 (row 5)");
        assertThat(problemWith(foreign("interleaved", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5) s(i) ORDER BY i, e")))   // sorted by index, then epoch
                .isEqualTo("rows are not sorted by epoch: epoch 0 after epoch 2 (row 3)");
    }

    @Test
    void indicesOutOfOrder() throws Exception {
        assertThat(problemWith(foreign("index-desc", "SELECT " + GOOD_COLUMNS
                + " FROM range(2) t(e), range(5) s(i) ORDER BY e, i DESC")))
                .isEqualTo("rows of epoch 0 are not indices 0, 1, 2, … in order: index 4 where 0 belongs (row 0)");
    }

    @Test
    void incompleteEpochs() throws Exception {
        assertThat(problemWith(foreign("short-epoch-1", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5) s(i) WHERE NOT (e = 1 AND i = 4) ORDER BY e, i")))
                .isEqualTo("epoch 1 is incomplete: 4 of 5 points before epoch 2 starts (row 9)");
        assertThat(problemWith(foreign("short-last", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5) s(i) WHERE NOT (e = 2 AND i = 4) ORDER BY e, i")))
                .isEqualTo("the last epoch (2) is incomplete: 4 of 5 points");
        assertThat(problemWith(foreign("long-epoch-1", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5 + (e = 1)::INT) s(i) ORDER BY e, i")))
                .isEqualTo("epoch 1 has more rows than epoch 0 (5) (row 10)");
        assertThat(problemWith(foreign("no-rows", "SELECT " + GOOD_COLUMNS
                + " FROM range(3) t(e), range(5) s(i) WHERE false")))
                .isEqualTo("has no rows");
    }

    @Test
    void coordinatesNotNormalised() throws Exception {
        assertThat(problemWith(foreign("raw", "SELECT i::UINTEGER AS index, (i * 3)::FLOAT AS x, 0.5::FLOAT AS y,"
                + " 'a' AS digit, e::USMALLINT AS epoch FROM range(2) t(e), range(5) s(i) ORDER BY e, i")))
                .isEqualTo("column 'x' has values outside [0,1] (0.0 … 12.0): coordinates are not normalised");
    }

    @Test
    void nullCoordinates() throws Exception {
        assertThat(problemWith(foreign("nulls", "SELECT i::UINTEGER AS index, CASE WHEN i = 3 THEN NULL ELSE 0.5 END::FLOAT AS x,"
                + " 0.5::FLOAT AS y, 'a' AS digit, e::USMALLINT AS epoch FROM range(2) t(e), range(5) s(i) ORDER BY e, i")))
                .isEqualTo("column 'x' has missing (null) values");
    }

    @Test
    void metadataThatContradictsTheRows() throws Exception {
        Path file = foreign("lying", "SELECT " + GOOD_COLUMNS + " FROM range(3) t(e), range(5) s(i) ORDER BY e, i");
        Path lying = dir.resolve("lying2.parquet");
        duck.execute("COPY (SELECT * FROM read_parquet(" + Duck.quote(file) + ")) TO " + Duck.quote(lying)
                + " (FORMAT parquet, KV_METADATA {'" + EpochsSchema.KEY_POINTS + "': '6'})");
        assertThat(problemWith(lying)).isEqualTo("metadata says 6 points, the rows have 5");
    }

    // ---- the classes' order ---------------------------------------------------------------------

    /** Rows of three cell types, first met as NK, B cell, T cell; stated in neither that order nor the alphabet's. */
    private static final String[] CELLS = {"NK", "B cell", "T cell", "NK", "T cell", "B cell", "NK"};
    private static final List<String> STATED = List.of("T cell", "B cell", "NK");

    private Path cellEpochs() {
        Path file = dir.resolve("cells.parquet");
        EpochsWriter writer = new EpochsWriter(file, "cell_type", CELLS, STATED, 1, false, Map.of());
        new SyntheticLayouts(CELLS.length, 1, 3).run(writer);
        writer.finish();
        return file;
    }

    @Test
    void theClassOrderIsRecordedOnceInTheFooterAndReadBack() throws Exception {
        Path file = cellEpochs();
        // DuckDB reads the footer key as a JSON list of names
        assertThat(duck.one("SELECT array_to_string(from_json(decode(value), '[\"VARCHAR\"]'), '|')"
                + " FROM parquet_kv_metadata(" + Duck.quote(file) + ") WHERE decode(key) = 'umap-anim.classes'"))
                .isEqualTo("T cell|B cell|NK");
        assertThat(EpochsReader.open(file).classes()).containsExactly("T cell", "B cell", "NK");
    }

    @Test
    void aFileThatRecordsNoOrderKeepsTheRule() throws Exception {
        Path copy = dir.resolve("copy.parquet");
        duck.execute("COPY (SELECT * FROM read_parquet(" + Duck.quote(cellEpochs()) + ")) TO " + Duck.quote(copy)
                + " (FORMAT parquet)");
        assertThat(EpochsReader.open(copy).classes()).containsExactly("B cell", "NK", "T cell");
        Path numbers = foreign("numbers", "SELECT i::UINTEGER AS index, 0.5::FLOAT AS x, 0.5::FLOAT AS y,"
                + " (12 - i)::VARCHAR AS digit, e::USMALLINT AS epoch FROM range(2) t(e), range(12) s(i) ORDER BY e, i");
        assertThat(EpochsReader.open(numbers).classes()).as("numbers in numeric order")
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    }

    @Test
    void anOrderThatIsNotAListOfNamesIsOneLine() throws Exception {
        Path file = foreign("ordered", "SELECT " + GOOD_COLUMNS + " FROM range(2) t(e), range(3) s(i) ORDER BY e, i");
        Path bad = dir.resolve("bad-order.parquet");
        duck.execute("COPY (SELECT * FROM read_parquet(" + Duck.quote(file) + ")) TO " + Duck.quote(bad)
                + " (FORMAT parquet, KV_METADATA {'" + EpochsSchema.KEY_CLASSES + "': '{\"a\": 1}'})");
        assertThat(problemWith(bad)).isEqualTo("footer key umap-anim.classes is not a JSON list of class names: {\"a\": 1}");
    }
}
