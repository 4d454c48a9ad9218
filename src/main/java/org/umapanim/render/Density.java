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
     * Where dots start hiding most of one another. From about 18,000 points at 1100×800 the dots
     * are single pixels ({@link Dots}), and then how many are drawn over by a later one depends on
     * the points per pixel of the plot: on the final layouts of the bundled digits and of
     * Fashion-MNIST (70,000 points), both through the follow camera, 41 % at 0.15–0.17 points per
     * pixel, 52–53 % at 0.23–0.27, 63–64 % at 0.36–0.42, 91 % at 2.5 (measured by binning each
     * layout at coarser pixel grids). From a quarter of a point per pixel more than half of the
     * points are hidden: 102,400 points at 1100×800 (a 640-pixel plot), 186,000 at 1920×1080. Below
     * it nothing changes: Fashion-MNIST's 70,000 points keep their dots.
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
