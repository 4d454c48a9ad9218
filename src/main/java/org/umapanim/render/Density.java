package org.umapanim.render;

/**
 * Whether the plot draws a dot per point or the density of the points ({@link DensityRenderer}).
 * Dots hide one another once there are many: at a million points a dot per point is a solid blob,
 * where the density shows dense cores and sparse bridges alike.
 */
public enum Density {
    /** Density when there are more than {@link #POINTS_PER_PIXEL} points per pixel of the plot, else dots. */
    AUTO,
    /** Always the density. */
    ON,
    /** Always a dot per point, as the original. */
    OFF;

    public static final Density DEFAULT = AUTO;

    /**
     * Where single-pixel dots start hiding a good share of one another: a UMAP layout fills about
     * two fifths of the plot (the bundled digits' and Fashion-MNIST's final layouts, in pixels
     * holding a point at a resolution where the points are sparse), so at 0.2 points per pixel of the
     * plot its clusters hold about half a point per pixel and a fifth of the dots land on one drawn
     * before (Fashion-MNIST's 70,000 points at 1100×800: 0.17 points per pixel, 17 % hidden; 200,000
     * points: 0.49 per pixel, 40 % hidden). That is 82,000 points at 1100×800, 150,000 at 1920×1080.
     */
    static final double POINTS_PER_PIXEL = 0.25;

    /** The density of the choice of that name (auto, on, off), as on the command line. */
    public static Density of(String name) {
        return Choices.of(Density.class, "density", name);
    }

    public String cliName() {
        return Choices.name(this);
    }

    /** Whether {@code points} points in a plot of {@code side}×{@code side} pixels are drawn as a density. */
    boolean drawn(int points, double side) {
        return switch (this) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> points > POINTS_PER_PIXEL * side * side;
        };
    }
}
