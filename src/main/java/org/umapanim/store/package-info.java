/**
 * The two Parquet files between {@code prepare} and {@code render} (docs/design.md §2), written with
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
 * </ul>
 *
 * <p>Imports: {@code common}, and {@code dataset} for the {@code Dataset} it writes and for opening
 * Parquet files. Nothing of {@code umap}: the layouts arrive through {@code common.EpochListener}.
 */
package org.umapanim.store;
