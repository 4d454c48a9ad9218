package org.umapanim.view;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.EpochHistory;
import org.umapanim.store.StepPhase;

/**
 * Writes the side-by-side viewer: one self-contained HTML file holding 2–4 runs of the same rows,
 * each run's kept steps, and the rows once. The blocks are the one-run page's ({@link ViewPage}),
 * with the positions and measures once per run, numbered from 0:
 * <ul>
 *   <li>{@code umap-meta} (JSON): title, subtitle, the points, the classes and their colours, the
 *       label column, the items' shape, and {@code runs}: per run its heading, step word, last step
 *       and kept steps;</li>
 *   <li>{@code umap-metrics-R} (JSON, for runs with measures), as the one-run page's {@code umap-metrics};</li>
 *   <li>{@code umap-agreement} (JSON, when given): the runs' agreement in the same shape, its
 *       {@code epochs} the frames' progress, one series per pair of runs;</li>
 *   <li>{@code umap-classes}, {@code umap-items}: as the one-run page's;</li>
 *   <li>{@code umap-positions-R}: run R's layouts ({@link PositionEncoder}), one run's step in memory at a time.</li>
 * </ul>
 * Each run keeps its steps by the same {@link EpochSelection}, so the page's size grows with the runs.
 */
public final class ComparePage {
    private ComparePage() {}

    /**
     * One run as the page shows it.
     *
     * @param heading what its panel is headed
     * @param step    what its steps are called ("epoch", "iteration")
     * @param metrics its measures, or {@link Metrics#NONE}
     */
    public record Run(EpochHistory history, String heading, String step, Metrics metrics) {
        public Run {
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(metrics, "metrics");
        }
    }

    /**
     * How far the runs' layouts agree as they go, for a chart with a cursor at the progress shown.
     *
     * @param progress the moments measured, ascending, in [0,1]
     * @param pairs    one series per pair of runs, a value per moment
     */
    public record Agreement(double[] progress, List<Metrics.Series> pairs) {}

    /** @param agreement the runs' agreement, or null for none */
    public static long write(Path html, List<Run> runs, Dataset rows, ViewLook look, EpochSelection selection,
                             Agreement agreement, Progress progress) {
        int n = rows.rows();
        List<RunMeta> infos = new ArrayList<>();
        List<KeptEpochs> kept = new ArrayList<>();
        long steps = 0;
        for (Run run : runs) {
            if (run.history().points() != n) {
                throw new IllegalArgumentException(rows.rows() + " rows for " + run.history().points() + " points");
            }
            KeptEpochs k = selection.keep(run.history().lastEpoch(), n);
            kept.add(k);
            infos.add(new RunMeta(run.heading(), run.step(), run.history().lastEpoch(), run.history().phases(), k.epochs()));
            steps += run.history().lastEpoch() + 1L;
        }
        int classWidth = look.classes().size() <= 256 ? 1 : 2;
        byte[] classes = ViewPage.classBytes(runs.get(0).history().labels(), look.classes(), classWidth);
        Meta meta = new Meta(ViewPage.FORMAT, "umap-anim " + Version.current(), look.title(), look.subtitle(), n,
                ViewPage.classInfo(look), classWidth, rows.labelColumn(), PageItems.shape(rows), infos);
        byte[] items = PageItems.bytes(rows);
        PageTemplate template = PageTemplate.compare();
        long total = steps;
        AtomicFiles.write(html, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 Progress.Task task = progress.start("view", total)) {
                template.write(out, page -> {
                    DataBlocks blocks = new DataBlocks(page);
                    blocks.json("umap-meta", meta);
                    for (int r = 0; r < runs.size(); r++) {
                        if (!runs.get(r).metrics().series().isEmpty()) {
                            blocks.json("umap-metrics-" + r, ViewPage.MetricsJson.of(runs.get(r).metrics()));
                        }
                    }
                    if (agreement != null) {
                        List<ViewPage.SeriesJson> series = new ArrayList<>();
                        for (Metrics.Series s : agreement.pairs()) {
                            series.add(new ViewPage.SeriesJson(s.name(),
                                    java.util.Arrays.stream(s.values()).boxed().toList()));
                        }
                        blocks.json("umap-agreement", new AgreementJson(agreement.progress(), series));
                    }
                    blocks.binary("umap-classes", classes);
                    blocks.binary("umap-items", items);
                    for (int r = 0; r < runs.size(); r++) {
                        EpochHistory history = runs.get(r).history();
                        int[] keep = kept.get(r).epochs();
                        blocks.binary("umap-positions-" + r, deflated -> {
                            PositionEncoder encoder = new PositionEncoder(keep, n, deflated);
                            history.forEachEpoch((epoch, xy) -> {
                                encoder.onEpoch(epoch, xy);
                                task.step();
                            });
                            if (!encoder.complete()) {
                                throw new IllegalStateException("the history ended before its last step, "
                                        + history.lastEpoch());
                            }
                        });
                    }
                });
            }
        });
        try {
            return Files.size(html);
        } catch (IOException e) {
            throw new FileProblem(html, "cannot read back its size: " + e.getMessage(), e);
        }
    }

    private record AgreementJson(double[] epochs, List<ViewPage.SeriesJson> series) {}

    private record RunMeta(String heading, String step, int lastEpoch, List<StepPhase> phases, int[] epochs) {}

    private record Meta(int format, String generator, String title, String subtitle, int points,
                        List<ViewPage.ClassInfo> classes, int classBytes, String labelColumn, PageItems.Shape item,
                        List<RunMeta> runs) {}
}
