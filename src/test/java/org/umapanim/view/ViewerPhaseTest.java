package org.umapanim.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.StepPhase;

/**
 * The viewer of a t-SNE-like run of 20 iterations, the first 8 early exaggeration, in Chromium:
 * the step label names the phase while in it, the progress line greys the phase's stretch and
 * the measures chart shows it as a band over iterations 0 … 8.
 */
class ViewerPhaseTest {
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};
    private static final int LAST = 20;
    private static final int EARLY = 8;

    @TempDir
    static Path tmp;
    static Chromium browser;

    @BeforeAll
    static void open() {
        MemoryHistory history = new MemoryHistory(SPECIES, new double[][] {{0.15, 0.85}, {0.85, 0.15}, {0.5, 0.5}}, 60,
                LAST, 3).withPhases(List.of(new StepPhase(StepPhase.EARLY_EXAGGERATION, 1, EARLY)));
        float[] values = new float[60];
        Dataset table = new Dataset("iris", "", List.of("sepal length"), values, "species", history.labels(),
                Optional.empty());
        int[] epochs = new int[LAST + 1];
        double[] loss = new double[LAST + 1];
        for (int e = 0; e <= LAST; e++) {
            epochs[e] = e;
            loss[e] = 1.0 / (1 + e);
        }
        Path html = tmp.resolve("tsne.html");
        ViewPage.write(html, history, table, new ViewLook("Iris", "t-SNE", "iteration", List.of(SPECIES),
                new int[] {0xE41A1C, 0x377EB8, 0x4DAF4A}), EpochSelection.parse("all"),
                new Metrics(epochs, List.of(new Metrics.Series("KL divergence", loss))), Progress.NONE);
        browser = Chromium.start("--disable-3d-apis");
        browser.open(html, "#epoch=5");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theStepLabelNamesThePhaseOnlyWhileInIt() {
        assertThat(label(5)).isEqualTo("iteration 5 / 20 · early exaggeration");
        assertThat(label(EARLY)).isEqualTo("iteration 8 / 20 · early exaggeration");
        assertThat(label(EARLY + 1)).isEqualTo("iteration 9 / 20");
        assertThat(label(0)).as("the start, before any iteration").isEqualTo("iteration 0 / 20");
        assertThat((String) browser.script("return getComputedStyle(document.getElementById('progress')).backgroundImage"))
                .as("the phase's stretch of the progress line").contains("linear-gradient");
        assertThat(browser.console()).noneMatch(line -> line.startsWith("SEVERE"));
    }

    @Test
    void theChartShowsThePhaseAsABand() {
        label(15);
        @SuppressWarnings("unchecked")
        List<Number> band = (List<Number>) browser.script("const c = document.getElementById('metrics-chart'),"
                + " d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let left = -1, right = -1;"
                + " for (let x = 0; x < c.width; x++) for (let y = 0; y < c.height; y++) { const p = 4 * (y * c.width + x);"
                + "   if (d[p] === 0x2c && d[p + 1] === 0x2c && d[p + 2] === 0x44) { if (left < 0) left = x; right = x; } }"
                + " return [left, right, c.width / c.clientWidth, c.clientWidth]");
        double dpr = band.get(2).doubleValue(), width = band.get(3).doubleValue();
        assertThat(band.get(0).intValue()).as("from iteration 0").isLessThanOrEqualTo((int) Math.ceil(2 * dpr));
        assertThat(band.get(1).doubleValue() / dpr).as("to iteration 8")
                .isCloseTo((double) EARLY / LAST * (width - 2) + 1, Offset.offset(2.0));
        assertThat(browser.driver().findElement(By.id("metrics")).isDisplayed()).isTrue();
    }

    private static String label(int epoch) {
        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("#.*", "") + "#epoch=" + epoch);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> ((Number) browser.script("return window.umapView.epoch")).intValue() == epoch);
        return browser.driver().findElement(By.id("epoch-label")).getText();
    }
}
