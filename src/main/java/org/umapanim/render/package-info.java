/**
 * The frames of the movie (docs/design.md §4), drawn with JFreeChart and written as PNGs.
 *
 * <ul>
 *   <li>{@link org.umapanim.render.FrameRenderer} — reads a {@code store.EpochHistory} and writes the
 *       frames ({@link org.umapanim.render.RenderedFiles} names them) and the README pictures.</li>
 *   <li>When and how: {@link org.umapanim.render.Timing} (pace, duration, every N-th epoch, frame
 *       rate) becomes a {@link org.umapanim.render.Timeline} of fractional epochs, interpolated
 *       between the drawn ones; {@link org.umapanim.render.Camera} fixed or follow
 *       ({@link org.umapanim.render.FollowCamera}).</li>
 *   <li>How a frame looks: {@link org.umapanim.render.FramePainter} on the 1100×800 reference layout
 *       scaled to any {@link org.umapanim.render.FrameSize}, {@link org.umapanim.render.Legend},
 *       {@link org.umapanim.render.Palette}, point sizes by {@code Dots}.</li>
 *   <li>{@link org.umapanim.render.CompareRenderer} — 2–4 runs side by side (design §13), in step by
 *       progress ({@code ProgressTimeline}), each panel with its own camera ({@code PanelGrid},
 *       {@code PanelsPainter}), each run streamed ({@code StepStream}).</li>
 * </ul>
 *
 * <p>Imports: {@code common}, {@code dataset} (the rows behind the legend), {@code store} (the
 * history it draws) and {@code quality} (the runs' agreement); knows nothing of codecs, the command line or the pipeline.
 */
package org.umapanim.render;
