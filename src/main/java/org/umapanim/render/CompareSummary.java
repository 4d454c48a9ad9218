package org.umapanim.render;

/**
 * What a comparison's render did.
 *
 * @param frames  frames in the movie
 * @param drawn   frames drawn now
 * @param kept    frames kept from an interrupted render of the same inputs
 * @param deleted frames of an earlier, longer movie removed
 * @param trace   the runs' agreement at every frame
 */
public record CompareSummary(int frames, int drawn, int kept, int deleted, AgreementTrace trace, double seconds) {
    public double framesPerSecond() {
        return seconds > 0 ? drawn / seconds : 0;
    }
}
