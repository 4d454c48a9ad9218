package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.encode.FfProbe;

/**
 * {@code umap-anim compare} end to end on two small runs of the same 300 digits (5 and 15
 * neighbours, 20 and 30 epochs): the movie, the agreement file and the viewer; skipped when up to
 * date; runs of other rows refused with nothing written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareCommandTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void prepare() {
        for (String[] run : List.of(new String[] {"n5", "300", "5", "20"}, new String[] {"n15", "300", "15", "30"},
                new String[] {"fewer", "200", "15", "20"})) {
            CliRun done = CliRun.of("prepare", "--quiet", "--data-dir", tmp.resolve(run[0]).toString(), "--limit", run[1],
                    "--neighbors", run[2], "--epochs", run[3]);
            assertThat(done.exitCode()).as(done.err()).isZero();
        }
    }

    private static String[] compare(Path out, String... runs) {
        List<String> args = new ArrayList<>(List.of("compare", "--size", "640x360", "--duration", "1",
                "--data-dir", out.resolve("data").toString(), "--frames-dir", out.resolve("frames/compare").toString(),
                "--movie", out.resolve("movies/compare.mp4").toString(),
                "--html", out.resolve("movies/compare.html").toString()));
        for (String run : runs) {
            args.addAll(List.of("--run", tmp.resolve(run).toString()));
        }
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void twoRunsMakeAMovieAnAgreementFileAndAViewer() throws Exception {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(compare(out, "n5", "n15"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("compare: done", "2 runs, 30 frames drawn", "encode:  done", "view:    done");

        FfProbe movie = FfProbe.of(out.resolve("movies/compare.mp4"));
        assertThat(movie.codec()).isEqualTo("h264");
        assertThat(movie.width()).isEqualTo(640);
        assertThat(movie.height()).isEqualTo(360);
        assertThat(movie.fps()).isEqualTo(30.0);
        assertThat(movie.frames()).isEqualTo(30 + 60);   // one second of motion, the two-second hold

        String metrics = "read_parquet('" + out.resolve("data/compare-metrics.parquet") + "')";
        assertThat(DuckDb.query("SELECT count(*) FROM " + metrics)).isEqualTo("30");
        assertThat(DuckDb.query("SELECT min(progress) || ' ' || max(progress) || ' ' || min(frame) || ' ' || max(frame)"
                + " || ' ' || min(run_a) || ' ' || max(run_b) FROM " + metrics)).isEqualTo("0.0 1.0 0 29 0 1");
        assertThat(Double.parseDouble(DuckDb.query("SELECT agreement FROM " + metrics + " WHERE frame = 29")))
                .isBetween(0.2, 0.95);
        String footer = "parquet_kv_metadata('" + out.resolve("data/compare-metrics.parquet") + "')";
        assertThat(DuckDb.query("SELECT string_agg(decode(key) || '=' || decode(value), '; ' ORDER BY decode(key)) FROM "
                + footer + " WHERE decode(key) LIKE 'compare.run.%.heading' OR decode(key) LIKE 'compare.run.%.steps'"))
                .isEqualTo("compare.run.0.heading=UMAP · 5 neighbours · 20 epochs; compare.run.0.steps=20;"
                        + " compare.run.1.heading=UMAP · 15 neighbours · 30 epochs; compare.run.1.steps=30");
        String page = Files.readString(out.resolve("movies/compare.html"));
        assertThat(page).contains("id=\"umap-positions-0\"", "id=\"umap-positions-1\"", "id=\"umap-metrics-1\"");

        CliRun again = CliRun.of(compare(out, "n5", "n15"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("compare: skipped", "encode:  skipped", "view:    skipped");
    }

    @Test
    @Order(2)
    void runsOfOtherRowsAreRefusedWithNothingWritten() {
        Path out = tmp.resolve("refused");
        CliRun run = CliRun.of(compare(out, "n5", "fewer"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains(tmp.resolve("fewer").toString(), tmp.resolve("n5").toString(), "dataset.");
        assertThat(out).doesNotExist();

        CliRun one = CliRun.of(compare(out, "n5"));
        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(one.err()).contains("2 to 4");
        assertThat(out).doesNotExist();
    }

    @Test
    @Order(3)
    void allGivenAFitOptionTwicePreparesEachRunInItsOwnFolderAndComparesThem() throws Exception {
        Path out = tmp.resolve("all");
        String[] args = {"all", "--limit", "300", "--epochs", "20", "--neighbors", "5", "--neighbors=15", "--duration", "1",
            "--size", "640x360", "--data-dir", out.resolve("data").toString(), "--frames-dir", out.resolve("frames").toString(),
            "--images-dir", out.resolve("images").toString(), "--movie", out.resolve("movies/c.mp4").toString(),
            "--html", out.resolve("movies/c.html").toString()};
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("data/neighbors-5/epochs.parquet")).exists();
        assertThat(out.resolve("data/neighbors-15/epochs.parquet")).exists();
        assertThat(out.resolve("frames/compare/combined-000029.png")).exists();
        assertThat(out.resolve("movies/c.html")).exists();
        assertThat(FfProbe.of(out.resolve("movies/c.mp4")).width()).isEqualTo(640);
        String footer = "parquet_kv_metadata('" + out.resolve("data/compare-metrics.parquet") + "')";
        assertThat(DuckDb.query("SELECT decode(value) FROM " + footer + " WHERE decode(key) = 'compare.run.1.heading'"))
                .isEqualTo("UMAP · 15 neighbours");

        CliRun again = CliRun.of(args);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("prepare: skipped", "compare: skipped");
    }

    @Test
    @Order(4)
    void allRefusesOtherOptionsTwiceAndTwoVariedSettings() {
        CliRun limit = CliRun.of("all", "--limit", "300", "--limit", "200", "--data-dir", tmp.resolve("x").toString());
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("'--limit' should be specified only once");
        CliRun two = CliRun.of("all", "--neighbors", "5", "--neighbors", "15", "--min-dist", "0.1", "--min-dist", "0.5",
                "--data-dir", tmp.resolve("x").toString());
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("one setting at a time");
        CliRun unknown = CliRun.of("all", "--reducer", "umap", "--reducer", "no-such", "--data-dir", tmp.resolve("x").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--reducer", "no-such");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
