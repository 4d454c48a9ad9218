package org.umapanim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.pipeline.Folders;
import org.umapanim.pipeline.Pipeline;
import org.umapanim.pipeline.ViewSettings;
import org.umapanim.view.Chromium;

/**
 * The viewer's benchmark behind {@code bench/view}: writes the viewer of a prepared run, then
 * opens it in headless Chromium (software GL, as the tests do) and measures, with the page's own
 * {@code requestAnimationFrame} timing, how long it takes to draw its first frame and how many
 * new frames per second it draws while playing (at 60 epochs/s, one new epoch per display frame)
 * and while the slider is dragged (one epoch further every animation frame): as the page chooses
 * (the 2-D canvas, since headless Chromium's WebGL is SwiftShader) and with WebGL forced. Frame rates depend on
 * what else the machine runs, so it also prints the CPU time Chromium's processes spent per frame
 * drawn (from /proc): the page's main thread (renderer) and the GPU process (SwiftShader) work in
 * parallel, so the larger of the two bounds the frame rate of a quiet machine.
 *
 * <p>Usage: {@code ViewBenchmark [DATA_DIR|PAGE.html [SECONDS]]} (default: {@code data}, 5 s per
 * measure); given a page, it measures that page as it is.
 */
public final class ViewBenchmark {
    private static final int OPENS = 3;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("umap-anim-view-bench");
        System.out.printf("umap-anim viewer benchmark: %s, %d CPUs, load average %.1f%n", data,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        Path html = data;
        if (!data.toString().endsWith(".html")) {
            html = dir.resolve("umap.html");
            long t = System.nanoTime();
            new Pipeline(new Folders(data, dir, dir, List.of(dir.resolve("umap.mp4")), html), Progress.NONE, report -> {},
                    false)
                    .view(ViewSettings.DEFAULTS);
            System.out.printf("write umap.html                 %,d ms%n", (System.nanoTime() - t) / 1_000_000);
        }
        System.out.printf("umap.html                       %.1f MB%n", Files.size(html) / 1e6);

        try (Chromium browser = Chromium.start()) {
            for (String fragment : List.of("#epoch=0", "#epoch=0&renderer=webgl")) {
                List<Double> opens = new ArrayList<>();
                for (int i = 0; i < OPENS; i++) {
                    browser.open(html, fragment);
                    opens.add(((Number) browser.script(
                            "return performance.getEntriesByName('umap-first-frame')[0].startTime")).doubleValue());
                }
                Collections.sort(opens);
                System.out.printf("%n%s: %s points, drawn by %s%n", fragment,
                        browser.script("return JSON.parse(document.getElementById('umap-meta').textContent).points"),
                        browser.script("return window.umapView.renderer"));
                System.out.printf("open to first frame             %.0f ms (median of %d: %s)%n", opens.get(OPENS / 2),
                        OPENS, opens);
                print("playing at 60 epochs/s", measure(browser, "play", seconds));
                print("scrubbing (slider, +1 a frame)", measure(browser, "scrub", seconds));
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Runs for {@code seconds} in the page: frames the viewer drew per second, and the slowest
     * animation frame, both from requestAnimationFrame time stamps.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> measure(Chromium browser, String how, int seconds) throws Exception {
        Map<String, Long> before = cpuMillis(browser);
        Map<String, Number> m = new java.util.LinkedHashMap<>((Map<String, Number>) browser.driver().executeAsyncScript("""
                const [how, seconds, done] = arguments;
                const view = window.umapView, slider = document.getElementById('epoch');
                const last = Number(slider.max);
                if (how === 'play') {
                  document.getElementById('speed').value = '60';
                  slider.value = 0; slider.dispatchEvent(new Event('input'));
                }
                let start = null, before = 0, previous = null, slowest = 0, ticks = 0;
                function frame(time) {
                  if (start === null) {
                    start = time; before = view.framesDrawn;
                    if (how === 'play') document.getElementById('play').click();
                  } else {
                    slowest = Math.max(slowest, time - previous);
                    ticks++;
                  }
                  previous = time;
                  if (how === 'scrub') {
                    slider.value = (Number(slider.value) + 1) % (last + 1);
                    slider.dispatchEvent(new Event('input'));
                  } else if (view.epoch === last) {   // played to the end: again from the start
                    document.getElementById('play').click();
                  }
                  if (time - start < seconds * 1000) requestAnimationFrame(frame);
                  else done({fps: (view.framesDrawn - before) * 1000 / (time - start),
                             rafPerSecond: ticks * 1000 / (time - start), slowestMs: slowest});
                }
                requestAnimationFrame(frame);
                """, how, seconds));
        Map<String, Long> after = cpuMillis(browser);
        double frames = m.get("fps").doubleValue() * seconds;
        for (String type : List.of("renderer", "gpu-process")) {
            m.put(type, (after.getOrDefault(type, 0L) - before.getOrDefault(type, 0L)) / frames);
        }
        return m;
    }

    /** CPU time (user + system) of the browser's processes so far, by their --type (renderer, gpu-process, …). */
    private static Map<String, Long> cpuMillis(Chromium browser) throws Exception {
        Map<String, Long> byType = new java.util.HashMap<>();
        String profile = browser.profile().toString();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmdline;
                String stat;
                try {
                    cmdline = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
                    stat = Files.readString(proc.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                if (!cmdline.contains(profile)) {
                    continue;
                }
                java.util.regex.Matcher type = java.util.regex.Pattern.compile("--type=([\\w-]+)").matcher(cmdline);
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime
                byType.merge(type.find() ? type.group(1) : "browser", ticks * 10, Long::sum);   // 100 ticks a second
            }
        }
        return byType;
    }

    private static void print(String what, Map<String, Number> m) {
        System.out.printf("%-31s %.1f frames/s drawn (animation frames %.1f/s, slowest %.0f ms);"
                        + " CPU per frame: page %.1f ms, GPU process %.1f ms%n", what,
                m.get("fps").doubleValue(), m.get("rafPerSecond").doubleValue(), m.get("slowestMs").doubleValue(),
                m.get("renderer").doubleValue(), m.get("gpu-process").doubleValue());
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
