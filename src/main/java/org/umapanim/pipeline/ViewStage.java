package org.umapanim.pipeline;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.umapanim.common.Checksums;
import org.umapanim.common.Progress;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.render.Classes;
import org.umapanim.render.Palette;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.MetricsReader;
import org.umapanim.view.EpochSelection;
import org.umapanim.view.Metrics;
import org.umapanim.view.ViewLook;
import org.umapanim.view.ViewPage;
import org.umapanim.view.ViewSummary;

/** The view stage: the two Parquet files → movies/umap.html, the self-contained viewer. */
final class ViewStage {
    private final Folders folders;
    private final Progress progress;
    private final EpochsReader epochs;
    private final Heading heading;
    private final EpochSelection selection;
    private final StageStamp stamp;
    private final Metrics metrics;
    /** digits.parquet's SHA-256, found once for the stamp and reused when the rows are read. */
    private final String digitsSha256;

    /** Opens and checks epochs.parquet, and fingerprints both Parquet files and the settings. */
    ViewStage(ViewSettings settings, Folders folders, Progress progress) {
        this.folders = folders;
        this.progress = progress;
        this.epochs = EpochsReader.open(folders.epochs());
        this.heading = Heading.of(settings.title(), settings.subtitle(), epochs.metadata());
        this.selection = EpochSelection.parse(settings.epochs());
        String run = RunIdentity.requirePair(folders.epochs(), epochs.metadata(), folders.digits());
        selection.keep(epochs.lastEpoch(), epochs.points());   // checked before the stamp is touched
        this.metrics = metrics(folders, run);
        Map<String, String> inputs = StageStamp.preparedInputs(folders, run, heading);
        this.digitsSha256 = inputs.get(StageStamp.DIGITS_SHA256);
        inputs.put("view-epochs", selection.spec());
        if (Files.exists(folders.metrics())) {
            inputs.put("metrics.sha256", Checksums.sha256(folders.metrics()));
        }
        this.stamp = new StageStamp(folders.htmlDir().resolve("." + folders.html().getFileName() + ".stamp"), inputs);
    }

    StageStamp.State state() {
        return stamp.check(List.of(folders.html()));
    }

    StageReport run() {
        long started = System.nanoTime();
        stamp.markStarted();
        ViewSummary summary = ViewPage.write(folders.html(), epochs, EmbeddedRows.read(folders, epochs, digitsSha256),
                look(heading, epochs), selection, metrics, progress);
        stamp.markComplete(List.of(folders.html()));
        String kept = summary.kept().note().isEmpty()
                ? String.format("%,d points × %d %ss", summary.points(), summary.recordedEpochs(),
                        epochs.reducer().step())
                : String.format("%,d points; %s", summary.points(), summary.kept().note());
        return new StageReport("view", StageReport.Outcome.RAN, (System.nanoTime() - started) / 1_000_000,
                List.of(folders.html()), kept);
    }

    /** The measures prepare took of every epoch (metrics.parquet), for the page's chart; none without the file. */
    static Metrics metrics(Folders folders, String run) {
        if (!Files.exists(folders.metrics())) {
            return Metrics.NONE;
        }
        MetricsReader.Metrics read = MetricsReader.read(folders.metrics());
        RunIdentity.requireSameRun(folders.metrics(), read.metadata(), folders.epochs(), run);
        List<EpochMeasures> measured = read.epochs();
        int[] epochs = measured.stream().mapToInt(EpochMeasures::epoch).toArray();
        List<Metrics.Series> series = new ArrayList<>();
        series.add(series("trustworthiness", measured, EpochMeasures::trustworthiness));
        series.add(series("neighbours kept", measured, EpochMeasures::neighbourPreservation));
        Metrics.Series accuracy = series("10-NN accuracy", measured, EpochMeasures::labelAccuracy);
        if (java.util.Arrays.stream(accuracy.values()).anyMatch(v -> !Double.isNaN(v))) {
            series.add(accuracy);   // unlabelled data has none
        }
        series.add(series("loss", measured, EpochMeasures::loss));
        series.add(series("motion (median)", measured, EpochMeasures::motionMedian));
        return new Metrics(epochs, series);
    }

    private static Metrics.Series series(String name, List<EpochMeasures> measured,
                                         java.util.function.ToDoubleFunction<EpochMeasures> value) {
        return new Metrics.Series(name, measured.stream().mapToDouble(value).toArray());
    }

    /** The movie's look: its heading and render's own class order and palette, so page and frames agree. */
    static ViewLook look(Heading heading, EpochsReader epochs) {
        Classes classes = Classes.of(epochs.labels(), epochs.classes());
        Palette palette = Palette.forClasses(classes.count());
        List<String> names = new ArrayList<>();
        int[] colours = new int[classes.count()];
        for (int c = 0; c < classes.count(); c++) {
            names.add(classes.name(c));
            colours[c] = palette.rgb(c);
        }
        return new ViewLook(heading.title(), heading.subtitle(), epochs.reducer().step(), names, colours);
    }

    StageReport skipped() {
        return new StageReport("view", StageReport.Outcome.SKIPPED, 0, List.of(folders.html()), "");
    }
}
