/**
 * The Parquet files between {@code prepare} and {@code render} (design §2), written with
 * parquet-hadoop on local files ({@code LocalOutputFile}/{@code LocalInputFile}, no Hadoop
 * FileSystem), writer version 2, ZSTD, page CRCs, always to a temporary file renamed into place.
 *
 * <ul>
 *   <li>{@link org.umapanim.store.DigitsWriter} — {@code data/digits.parquet}, the embedded rows.</li>
 *   <li>{@link org.umapanim.store.EpochsWriter} — an {@code EpochListener} that keeps the run as
 *       float32 and writes {@code data/epochs.parquet} normalised over all epochs
 *       ({@link org.umapanim.store.Normalisation}); columns and footer keys in
 *       {@link org.umapanim.store.EpochsSchema}.</li>
 *   <li>{@link org.umapanim.store.EpochsReader} — checks an epochs file and streams it epoch by epoch.</li>
 *   <li>{@link org.umapanim.store.MetricsWriter} and {@link org.umapanim.store.MetricsReader} —
 *       {@code data/metrics.parquet}, the {@code quality} package's measures, one row per epoch;
 *       columns and footer keys in {@link org.umapanim.store.MetricsSchema}.</li>
 * </ul>
 *
 * May import {@code common}, {@code dataset} (its Parquet cursors) and {@code quality} (the measures
 * it stores).
 *
 * <p>Hadoop and Parquet log routine INFO lines; unless a level was chosen for them, this package
 * turns them down to WARNING so nothing reaches stderr in normal use.
 */
package org.umapanim.store;
