package org.umapanim.render;

import java.awt.Rectangle;

/**
 * Where things sit in the reference frame, measured on the original's 1100x800 frames: the plot
 * panel is the left 800x800, the legend the right 300x800. The data area is square because the
 * embedding is normalised with one scale for both axes; stretching it (as the original did) would
 * distort it. Frames of other sizes are this frame scaled ({@link FrameSize}).
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

    private Layout() {}

    /** Progress line length after {@code epoch} (fractional between drawn epochs) of {@code lastEpoch}. */
    static double lineLength(double epoch, int lastEpoch) {
        if (lastEpoch <= 0) {
            return LINE_LENGTH;
        }
        return Math.max(0, Math.min(1, epoch / lastEpoch)) * LINE_LENGTH;
    }
}
