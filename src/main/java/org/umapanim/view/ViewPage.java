package org.umapanim.view;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;
import org.umapanim.common.Version;
import org.umapanim.dataset.Dataset;
import org.umapanim.store.EpochHistory;
import org.umapanim.store.StepPhase;

/**
 * Writes the viewer: one self-contained HTML file holding a run's every kept epoch and every
 * embedded row, which opens from disk with no network. The page's data blocks (see
 * {@link DataBlocks}), in the order the page reads them:
 * <ul>
 *   <li>{@code umap-meta} (JSON): title, subtitle, the reducer's word for a step, the points, the
 *       phases of the steps ({@code [{"name", "first", "last"}]}, see {@link StepPhase}), the kept epochs, the classes and their colours, the label column and the shape of the items;</li>
 *   <li>{@code umap-metrics} (JSON, only with metrics): {@code {"epochs": [...], "series": [{"name",
 *       "values"}]}}, drawn as a small chart with a cursor at the epoch shown;</li>
 *   <li>{@code umap-classes}: the class of every point, one byte each (two, little-endian, beyond
 *       256 classes);</li>
 *   <li>{@code umap-items}: the rows ({@link PageItems});</li>
 *   <li>{@code umap-positions}: the layouts ({@link PositionEncoder}).</li>
 * </ul>
 */
public final class ViewPage {
    /** Bumped when the blocks change meaning, so a page and its script always agree. */
    static final int FORMAT = 1;

    private ViewPage() {}

    /**
     * Writes {@code html} (atomically) from the recorded history and the embedded rows, one per
     * point, in point order.
     */
    public static ViewSummary write(Path html, EpochHistory history, Dataset rows, ViewLook look,
                                    EpochSelection selection, Metrics metrics, Progress progress) {
        int n = history.points();
        if (rows.rows() != n) {
            throw new IllegalArgumentException(rows.rows() + " rows for " + n + " points");
        }
        KeptEpochs kept = selection.keep(history.lastEpoch(), n);
        int classWidth = look.classes().size() <= 256 ? 1 : 2;
        byte[] classes = classBytes(history.labels(), look.classes(), classWidth);
        Meta meta = new Meta(FORMAT, "umap-anim " + Version.current(), look.title(), look.subtitle(), look.step(), n,
                history.lastEpoch(), history.phases(), kept.epochs(), classInfo(look), classWidth, rows.labelColumn(),
                PageItems.shape(rows));
        byte[] items = PageItems.bytes(rows);
        PageTemplate template = PageTemplate.load();

        AtomicFiles.write(html, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 Progress.Task task = progress.start("view", history.lastEpoch() + 1L)) {
                template.write(out, page -> {
                    DataBlocks blocks = new DataBlocks(page);
                    blocks.json("umap-meta", meta);
                    if (!metrics.series().isEmpty()) {
                        blocks.json("umap-metrics", MetricsJson.of(metrics));
                    }
                    blocks.binary("umap-classes", classes);
                    blocks.binary("umap-items", items);
                    blocks.binary("umap-positions", deflated -> {
                        PositionEncoder encoder = new PositionEncoder(kept.epochs(), n, deflated);
                        history.forEachEpoch((epoch, xy) -> {
                            encoder.onEpoch(epoch, xy);
                            task.step();
                        });
                        if (!encoder.complete()) {
                            throw new IllegalStateException("the history ended before its last epoch, "
                                    + history.lastEpoch());
                        }
                    });
                });
            }
        });
        try {
            return new ViewSummary(Files.size(html), n, kept, history.lastEpoch() + 1);
        } catch (IOException e) {
            throw new FileProblem(html, "cannot read back its size: " + e.getMessage(), e);
        }
    }

    /** The class of every point, in the look's order; one byte per point, two beyond 256 classes. */
    static byte[] classBytes(String[] labels, List<String> names, int width) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        byte[] out = new byte[labels.length * width];
        for (int i = 0; i < labels.length; i++) {
            Integer c = index.get(labels[i]);
            if (c == null) {
                throw new IllegalArgumentException("point " + i + " has label '" + labels[i] + "', which is not a class of the look");
            }
            out[i * width] = (byte) (int) c;
            if (width == 2) {
                out[i * width + 1] = (byte) (c >>> 8);
            }
        }
        return out;
    }

    static List<ClassInfo> classInfo(ViewLook look) {
        List<ClassInfo> classes = new ArrayList<>();
        for (int c = 0; c < look.classes().size(); c++) {
            classes.add(new ClassInfo(look.classes().get(c), String.format("#%06x", look.colours()[c] & 0xFFFFFF)));
        }
        return classes;
    }

    /** The {@code umap-meta} block, as Gson writes records. */
    private record Meta(int format, String generator, String title, String subtitle, String step, int points,
                        int lastEpoch, List<StepPhase> phases,
                        int[] epochs, List<ClassInfo> classes, int classBytes, String labelColumn,
                        PageItems.Shape item) {}

    record ClassInfo(String name, String colour) {}

    /** The {@code umap-metrics} block: NaN (not measured) becomes null, which JSON has and NaN it has not. */
    record MetricsJson(int[] epochs, List<SeriesJson> series) {
        static MetricsJson of(Metrics metrics) {
            List<SeriesJson> series = new ArrayList<>();
            for (Metrics.Series s : metrics.series()) {
                List<Double> values = new ArrayList<>();
                for (double v : s.values()) {
                    values.add(Double.isFinite(v) ? v : null);
                }
                series.add(new SeriesJson(s.name(), values));
            }
            return new MetricsJson(metrics.epochs(), series);
        }
    }

    record SeriesJson(String name, List<Double> values) {}
}
