package org.umapanim.dataset;

/** The pixel grid of an image data set: row i's values are {@code height × width} pixels, 0–255. */
public record ImageShape(int height, int width) {
    public int pixels() {
        return height * width;
    }
}
