package org.umapanim.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.umapanim.common.AtomicFiles;
import org.umapanim.common.Checksums;
import org.umapanim.common.Version;

/**
 * What a stage's outputs were made from, kept in a small text file beside them: a fingerprint of
 * the inputs and settings, and the size of every output once the stage completed. A stage that
 * starts writes an incomplete stamp first, so a run that dies half-way is never mistaken for a
 * finished one, while the outputs it did complete (frames) can still be trusted for resumption.
 */
final class StageStamp {
    /**
     * The inputs every stage that reads prepare's files starts its fingerprint with: this
     * version, the run, both files' contents and the heading; the stage adds its own settings.
     */
    /** The key of digits.parquet's SHA-256 in {@link #preparedInputs}. */
    static final String DIGITS_SHA256 = "digits.sha256";

    static Map<String, String> preparedInputs(Folders folders, String run, Heading heading) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("umap-anim.version", Version.current());
        inputs.put(RunIdentity.KEY, Objects.requireNonNullElse(run, "none recorded"));
        inputs.put("epochs.sha256", Checksums.sha256(folders.epochs()));
        inputs.put(DIGITS_SHA256, Checksums.sha256(folders.digits()));
        inputs.put("title", heading.title());
        inputs.put("subtitle", heading.subtitle());
        return inputs;
    }

    enum State {
        /** No stamp, or one made from other inputs or settings: everything must be redone. */
        STALE,
        /** Same inputs and settings, but the stage did not finish: resume where possible. */
        PARTIAL,
        /** Same inputs and settings, finished, outputs untouched since: skip. */
        COMPLETE
    }

    private static final String INPUT = "input ";

    private final Path file;
    private final SortedMap<String, String> inputs;
    private final String fingerprint;

    StageStamp(Path file, Map<String, String> inputs) {
        this.file = file;
        this.inputs = new TreeMap<>(inputs);
        this.fingerprint = HexFormat.of().formatHex(
                Checksums.sha256().digest(this.inputs.toString().getBytes(StandardCharsets.UTF_8)));
    }

    String fingerprint() {
        return fingerprint;
    }

    /**
     * What a stamp file says, as another stage reads it.
     *
     * @param exists      whether there is a stamp at all (outputs made by hand have none)
     * @param complete    whether the stage finished
     * @param fingerprint what its outputs were made from
     * @param inputs      the inputs and settings it recorded, by name
     */
    record Recorded(boolean exists, boolean complete, String fingerprint, Map<String, String> inputs) {}

    static Recorded recorded(Path file) {
        Map<String, String> values = read(file);
        Map<String, String> inputs = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(INPUT)) {
                inputs.put(k.substring(INPUT.length()), v);
            }
        });
        return new Recorded(!values.isEmpty(), "true".equals(values.get("complete")), values.get("fingerprint"), inputs);
    }

    State check(List<Path> outputs) {
        Map<String, String> recorded = read(file);
        if (!fingerprint.equals(recorded.get("fingerprint"))) {
            return State.STALE;
        }
        if (!"true".equals(recorded.get("complete"))) {
            return State.PARTIAL;
        }
        for (Path out : outputs) {
            String size = recorded.get("size " + out.getFileName());
            try {
                if (size == null || !Files.isRegularFile(out) || Files.size(out) != Long.parseLong(size)) {
                    return State.PARTIAL;
                }
            } catch (IOException e) {
                return State.PARTIAL;
            }
        }
        return State.COMPLETE;
    }

    void markStarted() {
        write(Map.of("complete", "false"));
    }

    void markComplete(List<Path> outputs) {
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put("complete", "true");
        for (Path out : outputs) {
            try {
                sizes.put("size " + out.getFileName(), Long.toString(Files.size(out)));
            } catch (IOException e) {
                return; // an output vanished: leave the stamp incomplete, the next run redoes it
            }
        }
        write(sizes);
    }

    private void write(Map<String, String> state) {
        StringBuilder text = new StringBuilder("# umap-anim stage stamp: what these outputs were made from\n");
        text.append("fingerprint=").append(fingerprint).append('\n');
        state.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        inputs.forEach((k, v) -> text.append(INPUT).append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        AtomicFiles.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            return Map.of(); // no stamp (or unreadable): nothing is trusted
        }
        return values;
    }
}
