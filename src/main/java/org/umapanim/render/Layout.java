package org.umapanim.render;

import java.awt.Rectangle;

/**
 * Where things sit in a frame, measured on the original's 1100x800 frames: the plot panel is the
 * left 800x800, the legend the right 300x800. The data area is square because the embedding is
 * normalised with one scale for both axes; stretching it (as the original did) would distort it.
 */
final class Layout {
    static final int FRAME_WIDTH = 1100;
    static final int FRAME_HEIGHT = 800;
    static final int PANEL = 800;
    static final int LEGEND_WIDTH = FRAME_WIDTH - PANEL;

    static final int MARGIN_LEFT = 42;
    static final int TITLE_BASELINE = 61;
    static final float TITLE_SIZE = 26f;
    static final int SUBTITLE_BASELINE = 95;
    static final float SUBTITLE_SIZE = 21f;
    /** The progress line: top row, thickness and full length (reached at the last epoch). */
    static final int LINE_Y = 120;
    static final int LINE_THICKNESS = 2;
    static final int LINE_LENGTH = 714;

    static final Rectangle DATA_AREA = new Rectangle(80, 140, 640, 640);
    /**
     * The {@code --metrics-inset} chart: the plot panel's bottom-left corner, which a normalised
     * layout seldom fills (it touches the data area's edges, rarely its corners).
     */
    static final Rectangle METRICS_INSET = new Rectangle(12, 664, 260, 124);
    /** Points are 2x2 pixel squares: visible at 800 px yet fine enough for 70,000 points. */
    static final int DOT = 2;

    private Layout() {}

    /** Progress line length in pixels after {@code epoch} of {@code lastEpoch}. */
    static int lineLength(int epoch, int lastEpoch) {
        if (lastEpoch <= 0) {
            return LINE_LENGTH;
        }
        double f = Math.max(0, Math.min(1, (double) epoch / lastEpoch));
        return (int) Math.round(f * LINE_LENGTH);
    }
}
