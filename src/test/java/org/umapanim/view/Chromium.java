package org.umapanim.view;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium (packages {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs) driven through Selenium, with the network off: a fresh profile, no
 * background traffic, emulated offline, and software GL (SwiftShader) for WebGL.
 */
public final class Chromium implements AutoCloseable {
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 850;
    /** Selenium warns that it has no DevTools bindings for this Chromium; nothing here uses them. Held: JUL keeps loggers weakly. */
    private static final Logger CDP_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with WebGL; {@code extraFlags} such as {@code --disable-3d-apis} take it away. */
    public static Chromium start(String... extraFlags) {
        CDP_WARNINGS.setLevel(Level.SEVERE);
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the viewer tests need Debian's chromium and chromium-driver"
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("umap-anim-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--use-angle=swiftshader",
                "--enable-unsafe-swiftshader", "--window-size=" + WIDTH + "," + HEIGHT,
                "--force-device-scale-factor=1", "--user-data-dir=" + profile);
        options.addArguments(extraFlags);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.setNetworkConditions(new ChromiumNetworkConditions() {{
            setOffline(true);
        }});
        return new Chromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The browser's own profile folder: its processes name it on their command lines. */
    public Path profile() {
        return profile;
    }

    /**
     * Loads {@code page} afresh (with {@code fragment}, e.g. "#epoch=100") and waits until the viewer
     * drew its first frame.
     */
    public void open(Path page, String fragment) {
        driver.get("about:blank");   // else a new fragment of the same page would not load it again
        driver.get(page.toUri() + fragment);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                !"loading".equals(script("return document.documentElement.dataset.state")));
        Object state = script("return document.documentElement.dataset.state");
        if (!"ready".equals(state)) {
            throw new AssertionError("the viewer did not start: " + script("return document.getElementById('status').textContent")
                    + "; console: " + console());
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** CSS pixels between the unit square and the plot's shorter side at the opening zoom (the page's PAD). */
    private static final double PAD = 12;

    /**
     * Where the data point (x, y) of the unit square must be on screen, in viewport pixels, at the
     * opening zoom: derived from the plot area as the DOM lays it out and the viewer's documented
     * rule (the unit square centred in the plot, PAD pixels inside its shorter side, y up), not
     * from the page's own code, so a wrong camera in the page shows as points in the wrong place.
     */
    public int[] toScreen(double x, double y) {
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) script("const a = document.getElementById('canvases'),"
                + " r = a.getBoundingClientRect();"
                + " return {left: r.left + a.clientLeft, top: r.top + a.clientTop, w: a.clientWidth, h: a.clientHeight};");
        double left = box.get("left").doubleValue();
        double top = box.get("top").doubleValue();
        double width = box.get("w").doubleValue();
        double height = box.get("h").doubleValue();
        double unit = Math.min(width, height) - 2 * PAD;
        return new int[] {(int) Math.floor(left + width / 2 + (x - 0.5) * unit),
                (int) Math.floor(top + height / 2 - (y - 0.5) * unit)};
    }

    public BufferedImage screenshot() {
        try {
            return ImageIO.read(new ByteArrayInputStream(driver.getScreenshotAs(OutputType.BYTES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to the console since the last call, warnings and errors included. */
    public List<String> console() {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a leftover profile in /tmp is harmless
            }
        }
    }
}
