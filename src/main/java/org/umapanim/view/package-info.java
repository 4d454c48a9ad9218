/**
 * The viewer (docs/design.md §11): one self-contained HTML file, {@code movies/umap.html}, in which a
 * browser plays and scrubs every recorded epoch and shows any point's row on hover.
 *
 * <ul>
 *   <li>{@link org.umapanim.view.ViewPage#write} — the page, written atomically: its source
 *       ({@code viewer.html}, {@code viewer.css}, {@code viewer.js}, resources beside these
 *       classes) with the data embedded ({@link org.umapanim.view.DataBlocks});</li>
 *   <li>{@link org.umapanim.view.EpochSelection} — which epochs it keeps ({@code --view-epochs}),
 *       thinned to fit the viewer's memory; every point is always kept;</li>
 *   <li>{@link org.umapanim.view.ViewLook} — title, subtitle and class colours, handed in (the
 *       caller passes render's palette, so page and frames agree);</li>
 *   <li>{@link org.umapanim.view.Metrics} — optional per-epoch measures, drawn as a small chart;</li>
 *   <li>{@link org.umapanim.view.ComparePage#write} — {@code movies/compare.html}: 2–4 runs side by
 *       side on one progress slider ({@code compare.html}, {@code compare.css}, {@code compare.js}),
 *       sharing the one-run page's decoding, drawing, item card and chart ({@code viewer-lib.js}).</li>
 * </ul>
 *
 * <p>The page uses no library and no network: WebGL points (the 2-D canvas where WebGL is missing
 * or emulated on the CPU), the browser's {@code DecompressionStream} for the data (Chromium 80,
 * Firefox 113, Safari 16.4), and the system's sans-serif font.
 *
 * <p>Imports: {@code common}, {@code dataset} (the rows shown on hover), {@code store} (the history
 * it holds) and Gson (its JSON); beside {@code render}, it imports neither it nor {@code encode},
 * {@code pipeline} or {@code cli}.
 */
package org.umapanim.view;
