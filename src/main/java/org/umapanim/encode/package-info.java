/**
 * Frames into a movie with JavaCV's FFmpeg (libx264, yuv420p, {@code +faststart}):
 * {@link org.umapanim.encode.MovieEncoder} takes frames as they are drawn or from a folder of
 * numbered PNGs ({@link org.umapanim.encode.FrameSequence} checks them before encoding starts).
 *
 * <p>Imports: {@code common}, and {@code render} for the frames' file names and the
 * {@code FrameSink} it implements.
 */
package org.umapanim.encode;
