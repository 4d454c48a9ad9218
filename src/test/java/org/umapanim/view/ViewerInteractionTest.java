package org.umapanim.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;

/**
 * The viewer's controls on a table (not images), with metrics, in Chromium without WebGL, so the
 * 2-D canvas fallback draws: the legend hides a class, a click keeps a trail, the card lists the
 * columns, the chart's cursor follows the epoch, space plays to the end.
 */
class ViewerInteractionTest {
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};
    private static final int[] COLOURS = {0xE41A1C, 0x377EB8, 0x4DAF4A};
    private static final double[][] SPOTS = {{0.15, 0.85}, {0.85, 0.15}, {0.5, 0.5}};
    private static final int POINTS = 150;
    private static final int LAST = 20;

    @TempDir
    static Path tmp;
    static MemoryHistory history;
    static Chromium browser;

    @BeforeAll
    static void open() {
        history = new MemoryHistory(SPECIES, SPOTS, POINTS, LAST, 3);
        String[] labels = history.labels();
        float[] values = new float[POINTS * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 4 + (i % 4) / 10f;    // row i: i, i.1, i.2, i.3
        }
        Dataset table = new Dataset("iris", "", List.of("sepal length", "sepal width", "petal length", "petal width"),
                values, "species", labels, Optional.empty());
        double[] falling = new double[LAST + 1];
        double[] rising = new double[LAST + 1];
        int[] epochs = new int[LAST + 1];
        for (int e = 0; e <= LAST; e++) {
            epochs[e] = e;
            falling[e] = 1.0 / (1 + e);
            rising[e] = e == 3 ? Double.NaN : 0.5 + e / 50.0;
        }
        Metrics metrics = new Metrics(epochs, List.of(new Metrics.Series("loss", falling),
                new Metrics.Series("trustworthiness", rising)));
        Path html = tmp.resolve("iris.html");
        ViewPage.write(html, history, table, new ViewLook("Iris", "Each point is a flower", "epoch", List.of(SPECIES), COLOURS),
                EpochSelection.parse("all"), metrics, Progress.NONE);
        browser = Chromium.start("--disable-3d-apis");
        browser.open(html, "#epoch=" + LAST);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void withoutWebGlTheCanvasDrawsEveryClassAndTheLegendHidesOne() {
        assertThat(browser.script("return window.umapView.renderer")).isEqualTo("2d");
        assertThat(coloursAtPoints(0)).allMatch(rgb -> rgb == COLOURS[0]);
        assertThat(legendEntry(0).getText()).contains("setosa", "50");

        legendEntry(0).click();
        assertThat(coloursAtPoints(0)).allMatch(rgb -> rgb == 0);
        assertThat(coloursAtPoints(1)).allMatch(rgb -> rgb == COLOURS[1]);
        legendEntry(0).click();
        assertThat(coloursAtPoints(0)).allMatch(rgb -> rgb == COLOURS[0]);
    }

    @Test
    void hoveringAFlowerListsItsColumnsAndAClickKeepsItsTrail() {
        int point = 4;   // versicolor
        float[] now = history.layout(LAST);
        int[] at = browser.toScreen(now[2 * point], now[2 * point + 1]);
        // the trail starts at the point's place in epoch 0, far from where it is now
        float[] first = history.layout(0);
        int[] start = browser.toScreen(first[2 * point], first[2 * point + 1]);
        assertThat(overlayAlpha(start)).isZero();

        new Actions(browser.driver()).moveToLocation(at[0], at[1]).click().perform();
        WebElement card = browser.driver().findElement(By.id("card"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> card.isDisplayed());
        assertThat(card.getText()).contains("row 4", "species versicolor", "sepal length", "4.1", "petal width", "4.3");
        assertThat(overlayAlpha(start)).isPositive();

        new Actions(browser.driver()).click().perform();   // again: the trail goes
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> overlayAlpha(start) == 0);
        new Actions(browser.driver()).moveToLocation(5, 5).perform();
    }

    @Test
    void theChartsCursorFollowsTheEpochAndSpacePlaysToTheEnd() {
        WebElement metrics = browser.driver().findElement(By.id("metrics"));
        assertThat(metrics.isDisplayed()).isTrue();
        choose(5);
        int at5 = cursorColumn();
        choose(15);
        int at15 = cursorColumn();
        double width = ((Number) browser.script("return document.getElementById('metrics-chart').clientWidth")).doubleValue();
        assertThat(at5).isCloseTo((int) Math.round(5.0 / LAST * (width - 2)), org.assertj.core.data.Offset.offset(2));
        assertThat(at15).isCloseTo((int) Math.round(15.0 / LAST * (width - 2)), org.assertj.core.data.Offset.offset(2));

        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.SPACE);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("#epoch=" + LAST));
        assertThat(browser.driver().findElement(By.id("play")).getAttribute("aria-label")).isEqualTo("Play");
        assertThat(browser.console()).noneMatch(line -> line.startsWith("SEVERE"));
    }

    private static void choose(int epoch) {
        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("#.*", "") + "#epoch=" + epoch);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> ((Number) browser.script("return window.umapView.epoch")).intValue() == epoch);
    }

    private static WebElement legendEntry(int c) {
        return browser.driver().findElements(By.cssSelector("#legend li")).get(c);
    }

    /** The screen's colour at every point of class {@code c} in the last epoch (0 = black). */
    private static List<Integer> coloursAtPoints(int c) {
        BufferedImage shot = browser.screenshot();
        float[] xy = history.layout(LAST);
        return java.util.stream.IntStream.range(0, POINTS).filter(i -> i % SPECIES.length == c).mapToObj(i -> {
            int[] at = browser.toScreen(xy[2 * i], xy[2 * i + 1]);
            return shot.getRGB(at[0], at[1]) & 0xFFFFFF;
        }).toList();
    }

    private static int overlayAlpha(int[] screen) {
        return ((Number) browser.script("const o = document.getElementById('overlay'), b = o.getBoundingClientRect();"
                + " return o.getContext('2d').getImageData(arguments[0] - b.left, arguments[1] - b.top, 1, 1).data[3]",
                screen[0], screen[1])).intValue();
    }

    /** The column of the chart where the white cursor stands: the one with the most white pixels. */
    private static int cursorColumn() {
        return ((Number) browser.script("const c = document.getElementById('metrics-chart'),"
                + " d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let best = -1, most = 0;"
                + " for (let x = 0; x < c.width; x++) { let white = 0;"
                + "   for (let y = 0; y < c.height; y++) { const p = 4 * (y * c.width + x);"
                + "     if (d[p] === 255 && d[p + 1] === 255 && d[p + 2] === 255 && d[p + 3] === 255) white++; }"
                + "   if (white > most) { most = white; best = x; } }"
                + " return best")).intValue();
    }
}
