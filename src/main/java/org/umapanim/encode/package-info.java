/**
 * Frames into movies: {@link org.umapanim.encode.MovieEncoder} takes pictures (the renderer's, or
 * the PNGs of a frames folder, decoded by FFmpeg) and writes any number of movies at once, each in
 * the {@link org.umapanim.encode.MovieFormat} its name asks for — H.264 MP4, VP9 WebM, palette GIF —
 * through JavaCV's FFmpeg, to temporary files renamed into place.
 *
 * <p>Imports: {@code common}, and {@code render} for the frames' names ({@code RenderedFiles}), the
 * {@code FrameSink} it implements and the frame rate's default ({@code Timing}, which timed the
 * frames). Knows nothing of UMAP, Parquet, the command line or the pipeline.
 */
package org.umapanim.encode;
