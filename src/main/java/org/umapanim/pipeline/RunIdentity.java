package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.umapanim.common.FileProblem;
import org.umapanim.dataset.ParquetFiles;

/**
 * Which prepare run made a file. Each run draws a fresh identity and writes it into the footers
 * of digits.parquet, epochs.parquet and metrics.parquet; render records it in the frames' stamp, encode in the
 * movie's. A stage refuses inputs whose identities differ, so a copied file, a prepare killed
 * between its two renames or a file from another run is never taken for the other half of a pair.
 */
final class RunIdentity {
    /** The footer (and stamp) key. */
    static final String KEY = "umap-anim.run";

    private RunIdentity() {}

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    /**
     * Checks that digits.parquet belongs with the epochs whose footer is {@code epochsFooter}.
     * Files another tool wrote carry no identity on either side and are taken as they are.
     *
     * @return the run both belong to, or null for files without one
     */
    static String requirePair(Path epochs, Map<String, String> epochsFooter, Path digits) {
        String run = epochsFooter.get(KEY);
        requireSameRun(digits, ParquetFiles.keyValueMetadata(digits), epochs, run);
        return run;
    }

    /**
     * The check for every file of a run (digits.parquet, metrics.parquet, …): {@code file}, whose
     * footer is {@code footer}, must come from the prepare run {@code run} that made {@code epochs}.
     */
    static void requireSameRun(Path file, Map<String, String> footer, Path epochs, String run) {
        String fileRun = footer.get(KEY);
        if (!Objects.equals(run, fileRun)) {
            throw new FileProblem(file, "does not belong with " + epochs.getFileName() + ": they come from different"
                    + " prepare runs (" + shorten(fileRun) + " and " + shorten(run) + "); run prepare again to make"
                    + " both");
        }
    }

    private static String shorten(String run) {
        return run == null ? "no run recorded" : "run " + run.substring(0, Math.min(8, run.length()));
    }
}
