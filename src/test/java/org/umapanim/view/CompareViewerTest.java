package org.umapanim.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.StepPhase;

/**
 * The side-by-side viewer of two made-up runs of the same 150 rows, of 20 and 60 steps, whose
 * classes gather at different spots, in Chromium without WebGL: hovering a point in one panel
 * rings the same row in the other and shows its card once; the slider and the link move both
 * runs to the same progress; the legend hides a class in both.
 */
class CompareViewerTest {
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};
    private static final int[] COLOURS = {0xE41A1C, 0x377EB8, 0x4DAF4A};
    private static final int POINTS = 150;

    @TempDir
    static Path tmp;
    static MemoryHistory first;
    static MemoryHistory second;
    static Chromium browser;
    static Path html;

    @BeforeAll
    static void open() {
        first = new MemoryHistory(SPECIES, new double[][] {{0.15, 0.85}, {0.85, 0.15}, {0.5, 0.5}}, POINTS, 20, 3);
        second = new MemoryHistory(SPECIES, new double[][] {{0.5, 0.9}, {0.1, 0.1}, {0.9, 0.1}}, POINTS, 60, 4)
                .withPhases(List.of(new StepPhase(StepPhase.EARLY_EXAGGERATION, 1, 20)));
        float[] values = new float[POINTS * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 2 + (i % 2) / 10f;
        }
        Dataset table = new Dataset("iris", "", List.of("sepal length", "sepal width"), values, "species",
                first.labels(), Optional.empty());
        Metrics metrics = new Metrics(new int[] {0, 10, 20}, List.of(new Metrics.Series("trustworthiness",
                new double[] {0.51234, 0.91234, 0.987654})));
        html = tmp.resolve("compare.html");
        ComparePage.write(html, List.of(new ComparePage.Run(first, "UMAP · 5 neighbours", "epoch", metrics),
                        new ComparePage.Run(second, "t-SNE · perplexity 30", "iteration", Metrics.NONE)),
                table, new ViewLook("Iris", "Each point is a flower", "epoch", List.of(SPECIES), COLOURS),
                EpochSelection.parse("all"), new ComparePage.Agreement(new double[] {0, 0.5, 1},
                        List.of(new Metrics.Series("UMAP vs t-SNE", new double[] {0.1, 0.42137, 0.8}))), Progress.NONE);
        browser = Chromium.start("--disable-3d-apis");
        browser.open(html, "#progress=1");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void hoveringAPointInOnePanelRingsTheSameRowInTheOther() {
        int point = 4;
        int[] inFirst = screen(0, first.layout(20), point);
        int[] inSecond = screen(1, second.layout(60), point);
        assertThat(ringAlpha(1, inSecond)).isZero();

        new Actions(browser.driver()).moveToLocation(inFirst[0], inFirst[1]).perform();
        WebElement card = browser.driver().findElement(By.id("card"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> card.isDisplayed());
        assertThat(card.getText()).contains("row 4", "species versicolor", "sepal length", "4.1");
        assertThat(browser.driver().findElements(By.cssSelector("#card canvas, #card table"))).hasSize(1);
        assertThat(ringAlpha(1, inSecond)).isPositive();
        assertThat(ringAlpha(0, inFirst)).isPositive();

        new Actions(browser.driver()).moveToLocation(2, 2).perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !card.isDisplayed());
        assertThat(ringAlpha(1, inSecond)).isZero();
    }

    @Test
    void theSliderAndTheLinkMoveBothRunsToTheSameProgress() {
        browser.open(html, "#progress=0.5");
        assertThat(epochs()).containsExactly(10L, 30L);
        assertThat(stepTexts()).containsExactly("epoch 10 / 20", "iteration 30 / 60");

        browser.script("const s = document.getElementById('slider'); s.value = 250;"
                + " s.dispatchEvent(new Event('input'))");
        assertThat(epochs()).containsExactly(5L, 15L);
        assertThat(stepTexts()).as("t-SNE's first 20 iterations exaggerated")
                .containsExactly("epoch 5 / 20", "iteration 15 / 60 · early exaggeration");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("#progress=0.250"));

        browser.open(html, "#epoch=4");   // the first run's epoch
        assertThat(epochs()).containsExactly(4L, 12L);
        browser.open(html, "#progress=1");
    }

    @Test
    void theMeasuresShowThreeSignificantDigitsAndTheLegendHidesAClassInBoth() {
        String chartText = (String) browser.script("return document.getElementById('metrics').textContent");
        assertThat(chartText).contains("agreement of the 15 nearest neighbours", "UMAP · 5 neighbours");
        assertThat(browser.script("return JSON.parse(document.getElementById('umap-agreement').textContent).series[0].values"))
                .isEqualTo(List.of(0.1, 0.42137, 0.8));
        // the figures the charts print: today's measures side by side at three significant digits
        assertThat(browser.script("return [0.9013, 0.05867, 2925000, 0.987654].map(umapViewerParts.figure)"))
                .isEqualTo(List.of("0.901", "0.0587", "2.93e6", "0.988"));
        WebElement entry = browser.driver().findElements(By.cssSelector("#legend li")).get(1);
        int point = 4;   // versicolor
        float[] a = first.layout(20);
        float[] b = second.layout(60);
        assertThat(colourAt(screen(0, a, point))).isEqualTo(COLOURS[1]);
        assertThat(colourAt(screen(1, b, point))).isEqualTo(COLOURS[1]);
        entry.click();
        assertThat(colourAt(screen(0, a, point))).isZero();
        assertThat(colourAt(screen(1, b, point))).isZero();
        entry.click();
        assertThat(colourAt(screen(1, b, point))).isEqualTo(COLOURS[1]);
        assertThat(browser.console()).noneMatch(line -> line.startsWith("SEVERE"));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> epochs() {
        return (List<Long>) browser.script("return window.umapView.epochs");
    }

    @SuppressWarnings("unchecked")
    private static List<String> stepTexts() {
        return (List<String>) browser.script("return [...document.querySelectorAll('.panel .step')].map(e => e.textContent)");
    }

    private static int[] screen(int run, float[] layout, int point) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) browser.script("return window.umapView.toScreen(arguments[0],"
                + " arguments[1], arguments[2])", run, layout[2 * point], layout[2 * point + 1]);
        return new int[] {(int) Math.floor(p.get("x").doubleValue()), (int) Math.floor(p.get("y").doubleValue())};
    }

    private static int colourAt(int[] at) {
        return browser.screenshot().getRGB(at[0], at[1]) & 0xFFFFFF;
    }

    /** The overlay's opacity of panel {@code run} on the ring of radius 6 around a point (right of it). */
    private static int ringAlpha(int run, int[] at) {
        return ((Number) browser.script("const o = document.querySelectorAll('.panel canvas.overlay')[arguments[0]],"
                + " b = o.getBoundingClientRect(), g = o.getContext('2d'); let most = 0;"
                + " for (let dx = 4; dx <= 8; dx++) most = Math.max(most,"
                + "   g.getImageData(arguments[1] + dx - b.left, arguments[2] - b.top, 1, 1).data[3]);"
                + " return most", run, at[0], at[1])).intValue();
    }
}
