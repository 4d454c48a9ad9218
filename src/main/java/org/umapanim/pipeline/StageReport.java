package org.umapanim.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one stage did, for the summary at the end of a run.
 *
 * @param notes   last lines: results (prepare: the final layout's quality) and, with
 *                {@code --verbose}, what the stage did (prepare: UMAP's figures, the peak memory)
 * @param phases  where the time went, in order; the summary adds "other" for the rest of {@code millis}
 */
public record StageReport(String stage, Outcome outcome, long millis, List<Path> outputs, String detail,
                          List<String> notes, List<Phase> phases) {

    public StageReport {
        outputs = List.copyOf(outputs);
        notes = List.copyOf(notes);
        phases = List.copyOf(phases);
    }

    /**
     * One named part of a stage.
     *
     * @param alongside ran at the same time as the others (so it is not subtracted for "other")
     */
    public record Phase(String name, long millis, boolean alongside) {}

    /** The stage's time not in any phase. */
    public long otherMillis() {
        return millis - phases.stream().filter(p -> !p.alongside()).mapToLong(Phase::millis).sum();
    }

    public enum Outcome {
        RAN("done"),
        RESUMED("resumed"),
        SKIPPED("skipped, outputs up to date");

        final String words;

        Outcome(String words) {
            this.words = words;
        }
    }

    public StageReport(String stage, Outcome outcome, long millis, List<Path> outputs, String detail) {
        this(stage, outcome, millis, outputs, detail, List.of(), List.of());
    }

    public void print(PrintStream out) {
        String time = outcome == Outcome.SKIPPED ? "" : String.format(" in %.1f s", millis / 1000.0);
        out.printf("%-8s %s%s%s%n", stage + ":", outcome.words, time, detail.isEmpty() ? "" : " (" + detail + ")");
        if (!phases.isEmpty()) {
            StringBuilder line = new StringBuilder();
            for (Phase p : phases) {
                line.append(String.format("%s %.1f s%s, ", p.name(), p.millis() / 1000.0, p.alongside() ? " alongside" : ""));
            }
            out.printf("         %sother %.1f s%n", line, otherMillis() / 1000.0);
        }
        for (Path file : outputs) {
            out.printf("         %s  %s%n", file, size(file));
        }
        for (String note : notes) {
            out.printf("         %s%n", note);
        }
    }

    private static String size(Path file) {
        try {
            if (Files.isDirectory(file)) {
                try (var files = Files.list(file)) {
                    long[] countAndBytes = {0, 0};
                    files.filter(f -> f.getFileName().toString().endsWith(".png")).forEach(f -> {
                        countAndBytes[0]++;
                        countAndBytes[1] += f.toFile().length();
                    });
                    return countAndBytes[0] + " frames, " + human(countAndBytes[1]);
                }
            }
            return human(Files.size(file));
        } catch (IOException e) {
            return "missing";
        }
    }

    private static String human(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        return bytes < 10_000_000 ? String.format("%.0f kB", bytes / 1e3) : String.format("%.1f MB", bytes / 1e6);
    }
}
