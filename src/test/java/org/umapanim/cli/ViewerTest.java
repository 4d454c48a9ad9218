package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.umapanim.view.Chromium;

/**
 * The viewer as the issue tests it: {@code prepare} then {@code view} on a slice of the bundled
 * digits, the page opened from disk in headless Chromium with the network off, checked against
 * epochs.parquet as DuckDB reads it.
 */
class ViewerTest {
    private static final int ROWS = 1000;
    /** The design's colours for the ten digits (ColorBrewer Paired), written out rather than taken from render. */
    private static final int[] DIGIT_COLOURS = {0xA6CEE3, 0x1F78B4, 0xB2DF8A, 0x33A02C, 0xFB9A99, 0xE31A1C,
        0xFDBF6F, 0xFF7F00, 0xCAB2D6, 0x6A3D9A};

    @TempDir
    static Path tmp;
    static Path html;
    static Chromium browser;

    @BeforeAll
    static void makeTheViewerAndOpenIt() {
        String data = tmp.resolve("data").toString();
        html = tmp.resolve("movies/umap.html");
        CliRun prepare = CliRun.of("prepare", "--limit", Integer.toString(ROWS), "--epochs", "110", "--data-dir", data);
        assertThat(prepare.exitCode()).as(prepare.err()).isZero();
        CliRun view = CliRun.of("view", "--data-dir", data, "--html", html.toString());
        assertThat(view.exitCode()).as(view.err()).isZero();
        assertThat(view.out()).contains("view:    done", "1,000 points × 111 epochs", "umap.html");
        browser = Chromium.start();
        browser.open(html, "#epoch=100");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theLinkedEpochIsShownAndEveryPointSitsWhereTheEpochsFilePutsItInItsClassColour() throws Exception {
        leaveThePlot();
        WebElement slider = browser.driver().findElement(By.id("epoch"));
        assertThat(slider.getDomProperty("value")).isEqualTo("100");
        assertThat(slider.getDomProperty("max")).isEqualTo("110");
        // y up, as in the movie: the unit square's top left is above and left of its bottom right
        int[] topLeft = browser.toScreen(0, 1);
        int[] bottomRight = browser.toScreen(1, 0);
        assertThat(topLeft[0]).isLessThan(bottomRight[0] - 300);
        assertThat(topLeft[1]).isLessThan(bottomRight[1] - 300);
        // headless Chromium's WebGL is SwiftShader, on the CPU, where the 2-D canvas is faster
        assertThat(browser.script("return window.umapView.renderer")).isEqualTo("2d");
        assertPointsInTheirColours();
    }

    @Test
    void webGlDrawsThemAlike() throws Exception {
        try {
            browser.open(html, "#epoch=100&renderer=webgl");
            assertThat(browser.script("return window.umapView.renderer")).isEqualTo("webgl");
            assertPointsInTheirColours();
        } finally {
            browser.open(html, "#epoch=100");
        }
    }

    /** The colour on screen at a sample of 40 points of epoch 100 that no other class comes near. */
    private static void assertPointsInTheirColours() throws Exception {
        List<Point> points = epoch(100);
        BufferedImage shot = browser.screenshot();
        List<Point> isolated = isolated(points);
        assertThat(isolated).as("points with no other class within 3 px").hasSizeGreaterThan(100);
        int checked = 0;
        for (int s = 0; s < isolated.size(); s += isolated.size() / 40) {
            Point p = isolated.get(s);
            int rgb = shot.getRGB(p.sx, p.sy) & 0xFFFFFF;
            assertThat(close(rgb, DIGIT_COLOURS[Integer.parseInt(p.digit)]))
                    .as("point %d (digit %s) at (%d, %d) is #%06x", p.index, p.digit, p.sx, p.sy, rgb).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
    }

    @Test
    void hoveringAPointShowsItsRowLabelAndDigit() throws Exception {
        Point p = isolated(epoch(100)).get(7);
        new Actions(browser.driver()).moveToLocation(p.sx, p.sy).perform();
        WebElement card = browser.driver().findElement(By.id("card"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> card.isDisplayed());
        assertThat(card.getText()).contains("row " + p.index, "digit " + p.digit);
        WebElement digit = card.findElement(By.tagName("canvas"));
        assertThat(digit.getSize().getWidth()).isEqualTo(112);   // 28 pixels, 4 screen pixels each
        assertThat(digit.getSize().getHeight()).isEqualTo(112);
        // the digit itself: its ink in the class colour over black, as the movie's legend draws it
        @SuppressWarnings("unchecked")
        List<Number> pixels = (List<Number>) browser.script("const c = document.querySelector('#card canvas');"
                + " return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)");
        assertThat(pixels).hasSize(28 * 28 * 4);
        int colour = DIGIT_COLOURS[Integer.parseInt(p.digit)];
        int full = 0;
        for (int i = 0; i < pixels.size(); i += 4) {
            int rgb = pixels.get(i).intValue() << 16 | pixels.get(i + 1).intValue() << 8 | pixels.get(i + 2).intValue();
            full += close(rgb, colour) ? 1 : 0;
        }
        assertThat(full).as("pixels of full ink").isGreaterThan(20);
        leaveThePlot();
    }

    /** Moves the mouse off the plot, so no hover ring covers a point. */
    private static void leaveThePlot() {
        new Actions(browser.driver()).moveToLocation(5, 5).perform();
        WebElement card = browser.driver().findElement(By.id("card"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !card.isDisplayed());
    }

    @Test
    void theRightArrowStepsOneEpochAndTheUrlFollows() {
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("#epoch=101"));
        assertThat(browser.driver().findElement(By.id("epoch")).getDomProperty("value")).isEqualTo("101");
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ARROW_LEFT);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("#epoch=100"));
    }

    @Test
    void theChartShowsTheMeasuresPrepareTook() {
        assertThat(browser.driver().findElement(By.id("metrics")).isDisplayed()).isTrue();
        assertThat(browser.script("return JSON.parse(document.getElementById('umap-metrics').textContent)"
                + ".series.map(s => s.name).join(',')"))
                .isEqualTo("trustworthiness,neighbours kept,10-NN accuracy,loss,motion (median)");
    }

    @Test
    void thePageLoadedNothingAndLoggedNoError() {
        assertThat(browser.script("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        assertThat(browser.console()).noneMatch(line -> line.startsWith("SEVERE"));
    }

    private record Point(int index, double x, double y, String digit, int sx, int sy) {}

    /** The points of {@code epoch} as DuckDB reads them, with where the page says they are on screen. */
    private static List<Point> epoch(int epoch) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT index, x, y, digit FROM read_parquet('"
                     + tmp.resolve("data/epochs.parquet") + "') WHERE epoch = " + epoch + " ORDER BY index")) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4)});
            }
        }
        List<Point> points = new ArrayList<>();
        for (Object[] r : rows) {
            int[] at = browser.toScreen((Double) r[1], (Double) r[2]);
            points.add(new Point((Integer) r[0], (Double) r[1], (Double) r[2], (String) r[3], at[0], at[1]));
        }
        assertThat(points).hasSize(ROWS);
        return points;
    }

    /** Points with no point of another class within 3 px, so their pixel can only be their own colour. */
    private static List<Point> isolated(List<Point> points) {
        List<Point> alone = new ArrayList<>();
        for (Point p : points) {
            boolean ok = p.sx > 0 && p.sy > 0;
            for (Point q : points) {
                if (!q.digit.equals(p.digit) && Math.abs(q.sx - p.sx) <= 3 && Math.abs(q.sy - p.sy) <= 3) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                alone.add(p);
            }
        }
        return alone;
    }

    private static boolean close(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (expected >> shift & 0xFF)) > 3) {
                return false;
            }
        }
        return true;
    }
}
