package org.umapanim.render;

import java.awt.image.BufferedImage;

/** Receives the frames in order as they are made (the movie encoder, in {@code all}). */
@FunctionalInterface
public interface FrameSink {
    void accept(int frameNumber, BufferedImage frame);
}
