/**
 * The Parquet files between {@code prepare} and {@code render} (docs/design.md §2), written with
 * parquet-hadoop on local files ({@code LocalOutputFile}/{@code LocalInputFile}, no Hadoop
 * FileSystem), writer version 2, ZSTD, page CRCs, always to a temporary file renamed into place.
 *
 * <ul>
 *   <li>{@link org.umapanim.store.DigitsWriter} — {@code data/digits.parquet}, the embedded rows.</li>
 *   <li>{@link org.umapanim.store.EpochsWriter} — an {@code EpochListener} that keeps the run as
 *       float32 and writes {@code data/epochs.parquet} normalised over all epochs
 *       ({@link org.umapanim.store.Normalisation}); columns and footer keys in
 *       {@link org.umapanim.store.EpochsSchema}.</li>
 *   <li>{@link org.umapanim.store.EpochsReader} — checks an epochs file and replays it epoch by epoch
 *       as an {@link org.umapanim.store.EpochHistory}, what render and the viewer read.</li>
 *   <li>{@link org.umapanim.store.MetricsWriter} and {@link org.umapanim.store.MetricsReader} —
 *       {@code data/metrics.parquet}, the {@code quality} package's measures, one row per epoch;
 *       columns and footer keys in {@link org.umapanim.store.MetricsSchema}.</li>
 *   <li>{@link org.umapanim.store.RecordedReducer} — the reducer and its word for a step that
 *       every file of a run records ({@code umap-anim.reducer}, {@code umap-anim.step}); files
 *       without them read as UMAP's epochs.</li>
 *   <li>{@link org.umapanim.store.StepPhase} — the named stretches of a run's steps that the
 *       pictures mark (t-SNE's early exaggeration), read from the footer; UMAP has none.</li>
 * </ul>
 *
 * <p>Imports: {@code common}, {@code dataset} for the {@code Dataset} it writes and for opening
 * Parquet files, and {@code quality} for the measures it stores. Nothing of any reducer: the
 * layouts arrive through {@code common.EpochListener}.
 */
package org.umapanim.store;
