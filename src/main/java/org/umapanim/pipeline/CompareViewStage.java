package org.umapanim.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Checksums;
import org.umapanim.common.Progress;
import org.umapanim.view.ComparePage;
import org.umapanim.store.AgreementReader;
import org.umapanim.view.EpochSelection;
import org.umapanim.view.Metrics;

/** The comparison's viewer: the checked runs → movies/compare.html, stamped like the one-run viewer. */
final class CompareViewStage {
    private final ComparedRuns runs;
    private final List<String> headings;
    private final Folders folders;
    private final Progress progress;
    private final StageStamp stamp;
    /** The first run's digits.parquet SHA-256, found once for the stamp and reused when its rows are read. */
    private final String digitsSha256;

    CompareViewStage(ComparedRuns runs, List<String> headings, Folders folders, Progress progress) {
        this.runs = runs;
        this.headings = headings;
        this.folders = folders;
        this.progress = progress;
        Map<String, String> inputs = runs.fingerprint(headings);
        inputs.put("compare-metrics.sha256", Checksums.sha256(CompareStage.metricsFile(folders)));
        this.digitsSha256 = inputs.get("run 1 digits.sha256");
        this.stamp = new StageStamp(folders.htmlDir().resolve("." + folders.html().getFileName() + ".stamp"), inputs);
    }

    StageStamp.State state() {
        return stamp.check(List.of(folders.html()));
    }

    StageReport run() {
        long started = System.nanoTime();
        stamp.markStarted();
        ComparedRuns.Run first = runs.runs().get(0);
        List<ComparePage.Run> pages = new ArrayList<>();
        for (int r = 0; r < runs.runs().size(); r++) {
            ComparedRuns.Run run = runs.runs().get(r);
            pages.add(new ComparePage.Run(run.epochs(), headings.get(r), run.step(),
                    ViewStage.metrics(run.folders(), run.id())));
        }
        Heading heading = Heading.of(null, null, first.footer());
        // the page's side column is narrow: two runs' one pair is just "agreement", more are numbered as the panels
        List<String> names = runs.runs().size() == 2 ? List.of("agreement") : CompareStage.pairNames(runs.headings());
        AgreementReader.Agreement read = AgreementReader.read(CompareStage.metricsFile(folders), names.size());
        List<Metrics.Series> pairs = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            pairs.add(new Metrics.Series(names.get(p), read.values().get(p)));
        }
        long bytes = ComparePage.write(folders.html(), pages, EmbeddedRows.read(first.folders(), first.epochs(), digitsSha256),
                ViewStage.look(heading, first.epochs()), EpochSelection.parse(EpochSelection.ALL),
                new ComparePage.Agreement(read.progress(), pairs), progress);
        stamp.markComplete(List.of(folders.html()));
        return new StageReport("view", StageReport.Outcome.RAN, (System.nanoTime() - started) / 1_000_000,
                List.of(folders.html()), String.format("%d runs, %,d points, %.1f MB", pages.size(),
                        first.epochs().points(), bytes / 1e6));
    }

    StageReport skipped() {
        return new StageReport("view", StageReport.Outcome.SKIPPED, 0, List.of(folders.html()), "");
    }
}
