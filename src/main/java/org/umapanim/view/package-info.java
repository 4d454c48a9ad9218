/**
 * The viewer (design §11): one self-contained HTML file, {@code movies/umap.html}, in which a
 * browser scrubs and plays every recorded epoch and shows any point's row on hover. Beside
 * {@code render}, reading what {@code store} recorded and the rows {@code dataset} read; it imports
 * {@code common}, {@code dataset} and {@code store} (and Gson for its JSON), nothing of render,
 * encode, pipeline or cli — the class colours come in with the {@link org.umapanim.view.ViewLook}.
 *
 * <ul>
 *   <li>{@link org.umapanim.view.ViewPage#write} — the page, written atomically: its source
 *       ({@code viewer.html}, {@code viewer.css}, {@code viewer.js}, resources beside these
 *       classes) with the data embedded ({@link org.umapanim.view.DataBlocks});</li>
 *   <li>{@link org.umapanim.view.EpochSelection} — which epochs it keeps ({@code --view-epochs}),
 *       thinned to fit the viewer's memory; every point is always kept;</li>
 *   <li>{@link org.umapanim.view.Metrics} — optional per-epoch measures, drawn as a small chart.</li>
 * </ul>
 *
 * <p>The page uses no library and no network: WebGL points (a 2-D canvas where WebGL is missing),
 * the browser's {@code DecompressionStream} for the data (Chromium 80, Firefox 113, Safari 16.4),
 * and the system's sans-serif font.
 */
package org.umapanim.view;
