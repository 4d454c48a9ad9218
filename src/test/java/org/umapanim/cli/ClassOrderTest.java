package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.dataset.Python;
import org.umapanim.render.Classes;
import org.umapanim.store.EpochsReader;

/**
 * An AnnData categorical column's classes reach the legend in their stored order, from an .h5ad
 * written by anndata through digits.parquet and epochs.parquet (read back by DuckDB) to the frames.
 */
class ClassOrderTest {
    @TempDir
    static Path dir;

    /** The categories as anndata stores them: neither alphabetical nor the order the rows meet them (NK first). */
    private static final List<String> STORED = List.of("T cell", "B cell", "NK");

    @BeforeAll
    static void runOnAnAnndataFile() throws Exception {
        Python.require("numpy", "anndata");
        Python.run(dir, """
                import numpy as np, anndata as ad, pandas as pd
                rng = np.random.default_rng(2)
                n = 180
                kind = np.arange(n) % 3
                X = (np.eye(3, 12)[kind] * 12 + rng.normal(size=(n, 12))).astype(np.float32)
                types = pd.Categorical(np.array(['NK', 'B cell', 'T cell'])[kind], categories=['T cell', 'B cell', 'NK'])
                obs = pd.DataFrame({'cell_type': types}, index=[f'c{i}' for i in range(n)])
                ad.AnnData(X=X, obs=obs).write_h5ad('cells.h5ad')
                """);
        Path data = dir.resolve("data");
        CliRun prepare = CliRun.of("prepare", "--quiet", "--input", dir.resolve("cells.h5ad").toString(),
                "--label", "cell_type", "--epochs", "10", "--data-dir", data.toString());
        assertThat(prepare.exitCode()).as(prepare.err()).isZero();
        CliRun render = CliRun.of("render", "--quiet", "--data-dir", data.toString(),
                "--frames-dir", dir.resolve("frames").toString(), "--images-dir", dir.resolve("images").toString(),
                "--pace", "epochs", "--camera", "fixed");
        assertThat(render.exitCode()).as(render.err()).isZero();
    }

    private static String recordedOrder(String file) throws Exception {
        return DuckDb.query("SELECT array_to_string(from_json(decode(value), '[\"VARCHAR\"]'), '|') FROM parquet_kv_metadata('"
                + dir.resolve("data").resolve(file) + "') WHERE decode(key) = 'umap-anim.classes'");
    }

    @Test
    void bothFilesRecordTheStoredOrder() throws Exception {
        assertThat(recordedOrder("digits.parquet")).isEqualTo("T cell|B cell|NK");
        assertThat(recordedOrder("epochs.parquet")).isEqualTo("T cell|B cell|NK");
        // the label column is still categorical for Arrow readers
        assertThat(DuckDb.query("SELECT count(*) FROM parquet_kv_metadata('" + dir.resolve("data/digits.parquet")
                + "') WHERE decode(key) = 'ARROW:schema'")).isEqualTo("1");
    }

    @Test
    void theLegendListsTheClassesInTheStoredOrder() {
        EpochsReader epochs = EpochsReader.open(dir.resolve("data/epochs.parquet"));
        Classes classes = Classes.of(epochs.labels(), epochs.classes());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes.count(); c++) {
            names.add(classes.name(c));
        }
        assertThat(names).isEqualTo(STORED);
    }

    @Test
    void theViewerListsTheClassesInTheStoredOrder() throws Exception {
        Path html = dir.resolve("view.html");
        CliRun view = CliRun.of("view", "--quiet", "--data-dir", dir.resolve("data").toString(), "--html", html.toString());
        assertThat(view.exitCode()).as(view.err()).isZero();
        Matcher meta = Pattern.compile("<script type=\"application/json\" id=\"umap-meta\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(html));
        assertThat(meta.find()).isTrue();
        List<String> names = new ArrayList<>();
        for (JsonElement c : JsonParser.parseString(meta.group(1)).getAsJsonObject().getAsJsonArray("classes")) {
            names.add(c.getAsJsonObject().get("name").getAsString());
        }
        assertThat(names).isEqualTo(STORED);
    }

    /**
     * In the last frame, the swatch in legend row c has the colour of the points of class STORED[c]:
     * that colour's pixels in the plot lie nearest to where DuckDB finds that class's points.
     */
    @Test
    void eachLegendRowHasTheColourOfItsClassesPoints() throws Exception {
        BufferedImage frame = ImageIO.read(dir.resolve("images/combined.png").toFile());
        assertThat(frame.getWidth()).isEqualTo(1100);
        Path epochs = dir.resolve("data/epochs.parquet");
        double[][] centres = new double[STORED.size()][];
        for (int k = 0; k < STORED.size(); k++) {
            String where = " FROM read_parquet('" + epochs + "') WHERE epoch = 10 AND cell_type = '" + STORED.get(k) + "'";
            centres[k] = new double[] {Double.parseDouble(DuckDb.query("SELECT avg(x)" + where)),
                    Double.parseDouble(DuckDb.query("SELECT avg(y)" + where))};
        }
        // three classes: swatches of 24 px in rows of 60 px, the first centred at y = 340, 20 px into the legend
        for (int row = 0; row < STORED.size(); row++) {
            int swatch = frame.getRGB(800 + 20 + 12, 340 + 60 * row) & 0xFFFFFF;
            double[] at = plotCentre(frame, swatch);
            int nearest = 0;
            for (int k = 1; k < centres.length; k++) {
                if (distance(at, centres[k]) < distance(at, centres[nearest])) {
                    nearest = k;
                }
            }
            assertThat(STORED.get(nearest)).as("class of legend row %d (colour %06x)", row, swatch)
                    .isEqualTo(STORED.get(row));
        }
    }

    /** Mean position of the plot's pixels of colour {@code rgb}, in the fixed camera's [0,1] coordinates. */
    private static double[] plotCentre(BufferedImage frame, int rgb) {
        double sx = 0, sy = 0;
        int n = 0;
        // the data area of the 1100x800 frame: 640x640 at (80, 140); the whole view pads [0,1] by 0.004
        for (int y = 140; y < 780; y++) {
            for (int x = 80; x < 720; x++) {
                if ((frame.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        assertThat(n).as("pixels of colour %06x in the plot", rgb).isGreaterThan(50);
        double pad = 0.004;
        return new double[] {((sx / n) - 80) / 640 * (1 + 2 * pad) - pad, 1 - (((sy / n) - 140) / 640 * (1 + 2 * pad) - pad)};
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
