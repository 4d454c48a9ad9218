package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.quality.LayoutAgreement;
import org.umapanim.render.AgreementTrace;
import org.umapanim.render.CompareRenderer;
import org.umapanim.render.CompareRun;
import org.umapanim.render.CompareSummary;
import org.umapanim.render.FrameSink;
import org.umapanim.render.RenderOptions;
import org.umapanim.render.RenderedFiles;
import org.umapanim.store.AgreementWriter;

/**
 * The comparison's render: 2–4 checked runs ({@link ComparedRuns}) → the frames of the side-by-side
 * movie and {@code compare-metrics.parquet}, the runs' agreement at every frame. Stamped like
 * render, in the same stamp file, so {@code encode} on the comparison's frames folder finds their
 * frame rate and origin.
 */
final class CompareStage {
    static final String METRICS = "compare-metrics.parquet";
    private static final String FPS = "fps";

    private final CompareSettings settings;
    private final ComparedRuns runs;
    private final Folders folders;
    private final Progress progress;
    private final RenderOptions options;
    private final LayoutAgreement agreement;
    private final List<String> panelHeadings;
    private final StageStamp stamp;
    private final List<Path> outputs = new ArrayList<>();
    /** The first run's digits.parquet SHA-256, found once for the stamp and reused when its rows are read. */
    private final String digitsSha256;

    CompareStage(CompareSettings settings, ComparedRuns runs, Folders folders, Progress progress) {
        this.settings = settings;
        this.runs = runs;
        this.folders = folders;
        this.progress = progress;
        this.options = settings.renderOptions();
        this.agreement = new LayoutAgreement(runs.runs().get(0).epochs().points(), settings.compute().seed());
        this.panelHeadings = new ArrayList<>();
        for (int r = 0; r < runs.runs().size(); r++) {
            // with more than one pair the chart names the pairs by the panels' numbers
            panelHeadings.add(runs.runs().size() > 2 ? (r + 1) + ". " + runs.headings().get(r) : runs.headings().get(r));
        }
        Map<String, String> inputs = runs.fingerprint(panelHeadings);
        inputs.put("seed", Long.toString(settings.compute().seed()));
        inputs.put("size", settings.width() + "x" + settings.height());
        inputs.put("scale", Double.toString(settings.scale()));
        inputs.put("dot", settings.dot() == null ? "auto" : Double.toString(settings.dot()));
        inputs.put("camera", options.camera().cliName());
        inputs.put("pace", options.timing().pace().cliName());
        inputs.put("duration", settings.seconds() == null ? "auto" : Double.toString(settings.seconds()));
        inputs.put(FPS, Integer.toString(options.timing().fps()));
        this.digitsSha256 = inputs.get("run 1 digits.sha256");
        this.stamp = new StageStamp(RenderStage.stampFile(folders.frames()), inputs);
        int[] lasts = runs.runs().stream().mapToInt(r -> r.epochs().lastEpoch()).toArray();
        for (int f = 0; f < CompareRenderer.frames(options.timing(), lasts); f++) {
            outputs.add(RenderedFiles.frame(folders.frames(), f));
        }
        outputs.add(metricsFile(folders));
    }

    static Path metricsFile(Folders folders) {
        return folders.data().resolve(METRICS);
    }

    StageStamp.State state() {
        return stamp.check(outputs);
    }

    String fingerprint() {
        return stamp.fingerprint();
    }

    int fps() {
        return options.timing().fps();
    }

    List<String> panelHeadings() {
        return panelHeadings;
    }

    StageReport run(StageStamp.State state, FrameSink sink) {
        long started = System.nanoTime();
        boolean resume = state != StageStamp.State.STALE;
        ComparedRuns.Run first = runs.runs().get(0);
        Dataset rows = EmbeddedRows.read(first.folders(), first.epochs(), digitsSha256);
        stamp.markStarted();
        List<CompareRun> panels = new ArrayList<>();
        for (int r = 0; r < runs.runs().size(); r++) {
            ComparedRuns.Run run = runs.runs().get(r);
            panels.add(new CompareRun(run.epochs(), panelHeadings.get(r), run.step()));
        }
        List<int[]> pairs = LayoutAgreement.pairs(panels.size());
        List<String> pairNames = pairNames(runs.headings());
        CompareSummary summary = CompareRenderer.run(panels, rows, folders.frames(), options, agreement, pairNames,
                resume, progress, sink);
        AgreementTrace trace = summary.trace();
        AgreementWriter.write(metricsFile(folders), trace.progress(), pairs, trace.values(), footer());
        stamp.markComplete(outputs);
        return new StageReport("compare", resume ? StageReport.Outcome.RESUMED : StageReport.Outcome.RAN,
                (System.nanoTime() - started) / 1_000_000, List.of(folders.frames(), metricsFile(folders)),
                String.format("%d runs, %d frames drawn at %.1f frames/s, %d kept; final agreement %s", panels.size(),
                        summary.drawn(), summary.framesPerSecond(), summary.kept(), finalAgreement(trace)));
    }

    /** What each pair of runs is called on the charts: their headings for two runs, else their panels' numbers. */
    static List<String> pairNames(List<String> headings) {
        List<String> names = new ArrayList<>();
        for (int[] pair : LayoutAgreement.pairs(headings.size())) {
            names.add(headings.size() == 2 ? headings.get(0) + " vs " + headings.get(1)
                    : (pair[0] + 1) + "–" + (pair[1] + 1));
        }
        return names;
    }

    StageReport skipped() {
        return new StageReport("compare", StageReport.Outcome.SKIPPED, 0,
                List.of(folders.frames(), metricsFile(folders)), "");
    }

    private static String finalAgreement(AgreementTrace trace) {
        double[] last = trace.values()[trace.values().length - 1];
        List<String> values = new ArrayList<>();
        for (double v : last) {
            values.add(String.format(java.util.Locale.ROOT, "%.3f", v));
        }
        return String.join(", ", values);
    }

    /** Which runs were compared and how the agreement was measured, for compare-metrics.parquet's footer. */
    private Map<String, String> footer() {
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> first = runs.runs().get(0).footer();
        m.put("umap-anim.version", Version.current());
        for (String key : List.of("dataset.name", "dataset.sha256", "dataset.rows", "dataset.selection")) {
            if (first.containsKey(key)) {
                m.put(key, first.get(key));
            }
        }
        m.put("compare.runs", Integer.toString(runs.runs().size()));
        for (int r = 0; r < runs.runs().size(); r++) {
            ComparedRuns.Run run = runs.runs().get(r);
            String key = "compare.run." + r + ".";
            m.put(key + "folder", run.dir().toString());
            m.put(key + "id", String.valueOf(run.id()));
            m.put(key + "heading", runs.headings().get(r));
            m.put(key + "reducer", run.reducer());
            m.put(key + "step", run.step());
            m.put(key + "steps", Integer.toString(run.epochs().lastEpoch()));
        }
        m.put("compare.agreement", "mean over sampled points of the fraction of their k nearest neighbours in one"
                + " layout that are among their k nearest in the other");
        m.put("compare.agreement.k", Integer.toString(agreement.k()));
        m.put("compare.agreement.sample", Integer.toString(agreement.sampleSize()));
        m.put("compare.agreement.seed", Long.toString(settings.compute().seed()));
        return m;
    }
}
