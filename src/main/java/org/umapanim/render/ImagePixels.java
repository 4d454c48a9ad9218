package org.umapanim.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The pixels of an image packed in ints ({@code TYPE_INT_RGB}, {@code TYPE_INT_ARGB}) as the array
 * behind it, row by row: what the painters copy backgrounds into, the density layer fills and the
 * PNG writer encodes, without a copy.
 */
final class ImagePixels {
    private ImagePixels() {}

    static int[] of(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
