package org.umapanim.render;

import java.awt.geom.Rectangle2D;

/**
 * Where the parts of a comparison frame sit, in pixels: one square plot per run (two side by side,
 * three or four in a 2×2 grid), each under a heading band with its name and progress line, the
 * agreement chart under the plots, and the shared legend to the right, the whole centred with black
 * margins. Proportions of the frame, not of a reference frame, so that any size and number of runs
 * keeps its plots square and as large as fit: at 1920×1080 two plots are 782 px a side.
 */
final class PanelGrid {
    /** Fractions of the frame's height: the margin between parts, the heading band, the chart. */
    static final double MARGIN = 0.02;
    static final double HEADING = 0.07;
    static final double CHART = 0.11;
    /** Fraction of the frame's width kept for the legend. */
    static final double LEGEND = 0.14;

    final int runs;
    final int columns;
    final int rows;
    final double side;
    final double heading;
    private final double left;
    private final double top;
    private final double margin;
    final Rectangle2D chart;
    final Rectangle2D legend;

    PanelGrid(int runs, int width, int height) {
        if (runs < 1 || runs > 4) {
            throw new IllegalArgumentException("1 to 4 panels, not " + runs);
        }
        this.runs = runs;
        this.columns = runs == 1 ? 1 : 2;
        this.rows = runs <= 2 ? 1 : 2;
        this.margin = MARGIN * height;
        this.heading = HEADING * height / Math.sqrt(rows);
        double chartHeight = CHART * height;
        double legendWidth = LEGEND * width;
        double fitWide = (width - legendWidth - margin * (columns + 2)) / columns;
        double fitHigh = (height - chartHeight - margin * (rows + 2) - rows * heading) / rows;
        this.side = Math.max(8, Math.floor(Math.min(fitWide, fitHigh)));
        double plotsWidth = columns * side + (columns - 1) * margin;
        double totalWidth = plotsWidth + margin + legendWidth;
        double totalHeight = rows * (heading + side) + rows * margin + chartHeight;
        this.left = Math.floor((width - totalWidth) / 2);
        this.top = Math.floor((height - totalHeight) / 2);
        this.chart = new Rectangle2D.Double(left, top + rows * (heading + side + margin), plotsWidth, chartHeight);
        // the legend's 300×800 panel, scaled to the room beside the plots
        double legendScale = Math.min(legendWidth / Legend.WIDTH, (height - 2 * margin) / Legend.HEIGHT);
        this.legend = new Rectangle2D.Double(left + plotsWidth + margin, (height - legendScale * Legend.HEIGHT) / 2,
                legendScale * Legend.WIDTH, legendScale * Legend.HEIGHT);
    }

    /** Run {@code r}'s plot: a square, row by row. */
    Rectangle2D plot(int r) {
        int c = r % columns;
        int row = r / columns;
        return new Rectangle2D.Double(left + c * (side + margin), top + row * (heading + side + margin) + heading,
                side, side);
    }

    /** Pixels per pixel of the single-run reference frame's 640-pixel data area: text and lines scale with the plots. */
    double factor() {
        return side / Layout.DATA_AREA.width;
    }
}
