package org.umapanim.store;

/**
 * The map from raw layout coordinates to the stored [0,1] ones, the same for every epoch (a
 * fixed camera): {@code stored = (raw - offset) * scale}, so {@code raw = stored / scale + offset},
 * per axis.
 *
 * <p>Kept aspect ratio (the default): one scale {@code 1 / max(width, height)} for both axes,
 * the shorter axis centred, so the longer axis spans exactly [0,1]. Stretched: each axis min–max
 * to [0,1] on its own (the original notebook's look). An axis with no extent is put at 0.5.
 */
public record Normalisation(double offsetX, double offsetY, double scaleX, double scaleY, boolean stretch) {

    /** The formula, as stored in the file's metadata for anyone reading it without us. */
    public static final String FORMULA =
            "stored = (raw - offset) * scale; raw = stored / scale + offset (per axis, float32 stored)";

    /** Fits the normalisation to the bounding box of every point of every epoch. */
    static Normalisation fit(float minX, float maxX, float minY, float maxY, boolean stretch) {
        double w = (double) maxX - minX, h = (double) maxY - minY;
        if (stretch) {
            return new Normalisation(axisOffset(minX, w, w), axisOffset(minY, h, h), axisScale(w), axisScale(h), true);
        }
        double side = Math.max(w, h);
        double scale = axisScale(side);
        return new Normalisation(axisOffset(minX, w, side), axisOffset(minY, h, side), scale, scale, false);
    }

    /** Offset that centres an axis of extent {@code extent} starting at {@code min} in a window of {@code side}. */
    private static double axisOffset(double min, double extent, double side) {
        if (side == 0) {
            return min - 0.5;   // with scale 1, the lone value lands on 0.5
        }
        return min - (side - extent) / 2;
    }

    private static double axisScale(double side) {
        return side == 0 ? 1 : 1 / side;
    }

    float x(float raw) {
        return clamp((raw - offsetX) * scaleX);
    }

    float y(float raw) {
        return clamp((raw - offsetY) * scaleY);
    }

    /** Rounding may land a hair outside [0,1]; the contract is [0,1]. */
    private static float clamp(double v) {
        return (float) Math.min(1, Math.max(0, v));
    }

    public double rawX(float stored) {
        return stored / scaleX + offsetX;
    }

    public double rawY(float stored) {
        return stored / scaleY + offsetY;
    }
}
