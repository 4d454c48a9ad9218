package org.umapanim.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;
import org.umapanim.common.Version;
import org.umapanim.store.EpochsReader;
import org.umapanim.store.RecordedReducer;

/**
 * The prepared data folders a comparison plays side by side, opened and checked before anything is
 * written: 2–4 distinct folders, each a consistent prepare run, all of the same rows (the same data
 * set checksum and selection in their footers, the same number of points). Each is named by its
 * reducer and the settings in which it differs from the others ({@link #headings}).
 */
final class ComparedRuns {
    static final int MIN = 2;
    static final int MAX = 4;
    /** Settings that never change a layout, or that every run of a reducer records differently. */
    private static final Set<String> NOT_SETTINGS = Set.of("threads", "sgd");
    /** The setting a reducer's heading names when only the reducers differ. */
    private static final Map<String, String> MAIN_SETTING = Map.of("umap", "n_neighbors", "tsne", "perplexity");

    /** One prepared run. */
    record Run(Path dir, Folders folders, EpochsReader epochs, String id, String reducer, String step) {
        Map<String, String> footer() {
            return epochs.metadata();
        }
    }

    private final List<Run> runs;
    private final List<String> headings;
    /** Each file's SHA-256, found once: the frames' stamp and the viewer's both record them. */
    private final Map<Path, String> checksums = new HashMap<>();

    private ComparedRuns(List<Run> runs) {
        this.runs = List.copyOf(runs);
        this.headings = headings(runs.stream().map(Run::footer).toList());
    }

    static ComparedRuns open(List<Path> dirs) {
        if (dirs.size() < MIN || dirs.size() > MAX) {
            throw new SettingProblem("run", "needs " + MIN + " to " + MAX + " prepared data folders, got " + dirs.size());
        }
        Set<Path> seen = new HashSet<>();
        for (Path dir : dirs) {
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                throw new SettingProblem("run", "names " + dir + " twice");
            }
        }
        List<Run> runs = new ArrayList<>();
        for (Path dir : dirs) {
            runs.add(openRun(dir));
        }
        Run first = runs.get(0);
        for (Run other : runs.subList(1, runs.size())) {
            String differs = difference(first, other);
            if (differs != null) {
                throw new FileProblem(other.dir(), "is not a run of the same rows as " + first.dir() + ": " + differs);
            }
        }
        return new ComparedRuns(runs);
    }

    private static Run openRun(Path dir) {
        Folders folders = new Folders(dir, Folders.DEFAULT.frames(), Folders.DEFAULT.images(), Folders.DEFAULT.movies(),
                Folders.DEFAULT.html());
        if (!Files.isRegularFile(folders.epochs())) {
            throw new FileProblem(dir, Files.isDirectory(dir) ? "holds no " + Folders.EPOCHS
                    + " (prepare a run into it first: umap-anim prepare --data-dir " + dir + ")" : "no such folder");
        }
        EpochsReader epochs = EpochsReader.open(folders.epochs());
        String id = RunIdentity.requirePair(folders.epochs(), epochs.metadata(), folders.digits());
        Map<String, String> footer = epochs.metadata();
        return new Run(dir, folders, epochs, id, reducer(footer), epochs.reducer().step());
    }

    private static String reducer(Map<String, String> footer) {
        return RecordedReducer.of(footer).reducer();
    }

    /** What tells two runs' rows apart, or null when they are the same rows. */
    private static String difference(Run a, Run b) {
        for (String key : List.of("dataset.sha256", "dataset.selection")) {
            String va = a.footer().get(key);
            String vb = b.footer().get(key);
            if (va == null || vb == null) {
                return (va == null ? a.dir() : b.dir()) + " records no " + key + " (prepare it again)";
            }
            if (!va.equals(vb)) {
                return key + " " + shorten(vb) + " against " + shorten(va);
            }
        }
        if (a.epochs().points() != b.epochs().points()) {
            return b.epochs().points() + " points against " + a.epochs().points();
        }
        return null;
    }

    private static String shorten(String value) {
        return value.length() > 16 ? value.substring(0, 12) + "…" : "'" + value + "'";
    }

    List<Run> runs() {
        return runs;
    }

    /** Each run's heading, e.g. "UMAP · 15 neighbours" and "UMAP · 50 neighbours", or "UMAP" and "t-SNE · perplexity 30". */
    List<String> headings() {
        return headings;
    }

    /**
     * What the comparison's outputs are made from, for their stamps: the version, and per run
     * ("run 1 …") its identity, its Parquet files' checksums and its panel heading. The files
     * are hashed once however many stages ask.
     */
    Map<String, String> fingerprint(List<String> panelHeadings) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            String key = "run " + (r + 1) + " ";
            inputs.put(key + RunIdentity.KEY, String.valueOf(run.id()));
            inputs.put(key + "epochs.sha256", sha256(run.folders().epochs()));
            inputs.put(key + "digits.sha256", sha256(run.folders().digits()));
            if (Files.exists(run.folders().metrics())) {
                inputs.put(key + "metrics.sha256", sha256(run.folders().metrics()));
            }
            inputs.put(key + "heading", panelHeadings.get(r));
        }
        return inputs;
    }

    private String sha256(Path file) {
        return checksums.computeIfAbsent(file, Checksums::sha256);
    }

    /** The runs' identities joined, which the movies' stamps record. */
    String id() {
        return String.join("+", runs.stream().map(r -> Objects.requireNonNullElse(r.id(), "unknown")).toList());
    }

    /**
     * Reducer's name, then every setting of its own (footer keys under "reducer.") that another run
     * of the same reducer sets differently; when the reducers differ, each also names its main
     * setting. Runs that differ in nothing recorded are numbered.
     */
    static List<String> headings(List<Map<String, String>> footers) {
        List<String> reducers = footers.stream().map(ComparedRuns::reducer).toList();
        boolean reducersDiffer = reducers.stream().distinct().count() > 1;
        List<String> headings = new ArrayList<>();
        for (int r = 0; r < footers.size(); r++) {
            String reducer = reducers.get(r);
            Map<String, String> own = settings(footers.get(r), reducer);
            List<String> parts = new ArrayList<>();
            String main = MAIN_SETTING.get(reducer);
            if (reducersDiffer && main != null && own.containsKey(main)) {
                parts.add(describe(main, own.get(main)));
            }
            List<String> keys = new ArrayList<>(own.keySet());
            if (main != null && keys.remove(main)) {
                keys.add(0, main);   // the setting people compare first, first
            }
            for (String key : keys) {
                String value = own.get(key);
                boolean differs = false;
                for (int o = 0; o < footers.size(); o++) {
                    differs |= o != r && reducers.get(o).equals(reducer)
                            && !Objects.equals(settings(footers.get(o), reducer).get(key), value);
                }
                String part = describe(key, value);
                if (differs && !parts.contains(part)) {
                    parts.add(part);
                }
            }
            headings.add(parts.isEmpty() ? reducerName(reducer) : reducerName(reducer) + " · "
                    + String.join(" · ", parts));
        }
        if (new HashSet<>(headings).size() < headings.size()) {
            for (int r = 0; r < headings.size(); r++) {
                headings.set(r, headings.get(r) + " · run " + (r + 1));
            }
        }
        return headings;
    }

    /** A run's own settings, by name without the reducer's prefix, and its seed (files before the seam: umap.seed). */
    private static Map<String, String> settings(Map<String, String> footer, String reducer) {
        String prefix = reducer + ".";
        Map<String, String> own = new LinkedHashMap<>();
        footer.forEach((key, value) -> {
            String name = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
            if (name != null && !NOT_SETTINGS.contains(name)) {
                own.put(name, value);
            }
        });
        String seed = footer.get(RunFooter.SEED);
        if (seed != null) {
            own.putIfAbsent(RunFooter.SEED, seed);
        }
        return own;
    }

    static String reducerName(String reducer) {
        return switch (reducer) {
            case "umap" -> "UMAP";
            case "tsne" -> "t-SNE";
            default -> reducer.toUpperCase(Locale.ROOT);
        };
    }

    /** "15 neighbours", "min-dist 0.5", "perplexity 30", "200 epochs", "seed 7", "pca start". */
    static String describe(String name, String value) {
        String v = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        return switch (name) {
            case "n_neighbors" -> v + " neighbours";
            case "n_epochs" -> v + " epochs";
            case "n_iter" -> v + " iterations";
            case "init" -> v.toLowerCase(Locale.ROOT) + " start";
            case "pca" -> "none".equals(v) ? "no PCA" : "PCA " + v;
            default -> name.replace('_', '-') + " " + v;
        };
    }
}
