/**
 * Drawing: every recorded epoch as a frame (the scatter plot with JFreeChart, the legend of
 * sample digits or colour swatches, title, subtitle and progress line), plus the two README
 * pictures. {@link org.umapanim.render.FrameRenderer} draws a {@code store.EpochHistory} in
 * parallel and hands the frames, in order, to an optional {@link org.umapanim.render.FrameSink};
 * {@link org.umapanim.render.RenderedFiles} is the one definition of the file names.
 *
 * <p>Imports: {@code common}, {@code dataset} (the rows whose images make the legend) and
 * {@code store} (the history it draws).
 */
package org.umapanim.render;
