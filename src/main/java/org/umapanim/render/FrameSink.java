package org.umapanim.render;

import java.awt.image.BufferedImage;

/** Receives the frames in epoch order as they are made (the movie encoder, in {@code all}). */
@FunctionalInterface
public interface FrameSink {
    void accept(int epoch, BufferedImage frame);
}
