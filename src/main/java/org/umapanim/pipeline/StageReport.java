package org.umapanim.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one stage did, for the summary at the end of a run.
 *
 * @param figures a last line of results (prepare: the final layout's quality), or empty
 */
public record StageReport(String stage, Outcome outcome, long millis, List<Path> outputs, String detail,
                          String figures) {
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
        this(stage, outcome, millis, outputs, detail, "");
    }

    public void print(PrintStream out) {
        String time = outcome == Outcome.SKIPPED ? "" : String.format(" in %.1f s", millis / 1000.0);
        out.printf("%-8s %s%s%s%n", stage + ":", outcome.words, time, detail.isEmpty() ? "" : " (" + detail + ")");
        for (Path file : outputs) {
            out.printf("         %s  %s%n", file, size(file));
        }
        if (!figures.isEmpty()) {
            out.printf("         %s%n", figures);
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
