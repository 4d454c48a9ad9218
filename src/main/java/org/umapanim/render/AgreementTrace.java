package org.umapanim.render;

import java.util.List;

/**
 * The agreement of every pair of runs at every frame of a comparison, filled frame by frame in
 * order before each frame is handed to be painted (which then reads only frames up to its own).
 *
 * @param progress each frame's progress
 * @param values   per frame, per pair ({@code LayoutAgreement.pairs} order)
 * @param pairList the pairs of runs, (a, b) each
 * @param k        how many nearest neighbours were compared
 */
public record AgreementTrace(double[] progress, double[][] values, List<int[]> pairList, int k) {
    int pairs() {
        return pairList.size();
    }

    double progress(int frame) {
        return progress[frame];
    }

    double value(int frame, int pair) {
        return values[frame][pair];
    }
}
