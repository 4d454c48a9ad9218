/**
 * Frames into movies: {@link org.umapanim.encode.MovieEncoder} takes pictures (the renderer's, or
 * the PNGs of a frames folder, decoded by FFmpeg) and writes any number of movies at once, each in
 * the {@link org.umapanim.encode.MovieFormat} its name asks for — H.264 MP4, VP9 WebM, palette GIF —
 * through JavaCV's FFmpeg, to temporary files renamed into place.
 *
 * May import {@code common} and {@code render.RenderedFiles} (the frames' names); the frame rate's
 * default comes from {@code render.Timing}, which timed the frames. Knows nothing of UMAP, Parquet,
 * the command line or the pipeline.
 */
package org.umapanim.encode;
