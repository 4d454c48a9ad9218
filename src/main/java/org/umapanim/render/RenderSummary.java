package org.umapanim.render;

import java.nio.file.Path;

/**
 * What a render run did.
 *
 * @param frames   frames there are now (last epoch + 1)
 * @param drawn    frames drawn in this run
 * @param kept     frames already on disk and kept (only-missing runs)
 * @param deleted  stale frames beyond the last epoch that were removed
 * @param seconds  wall time of the run
 */
public record RenderSummary(int frames, int drawn, int kept, int deleted, Path intro, Path combined,
                            double seconds) {
    public double framesPerSecond() {
        return seconds > 0 ? drawn / seconds : 0;
    }
}
