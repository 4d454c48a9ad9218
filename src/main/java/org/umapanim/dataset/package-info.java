/**
 * Reading data sets into one {@link org.umapanim.dataset.Dataset}: an n × d float matrix, labels as
 * text and the image shape when the rows are pictures.
 *
 * <ul>
 *   <li>{@link org.umapanim.dataset.DatasetReader#read} — a file given by the user: IDX (either file
 *       of the pair, gzip or plain), CSV (header row, optionally gzip), Parquet (flat, or with one
 *       vector column), NumPy .npy/.npz or AnnData .h5ad, chosen by content, then extension; the
 *       options of the formats that hold several matrices come in a
 *       {@link org.umapanim.dataset.ReadOptions};</li>
 *   <li>{@link org.umapanim.dataset.DatasetReader#bundled} — the 10,000-digit MNIST sample in
 *       {@code data/} (also inside the jar);</li>
 *   <li>{@link org.umapanim.dataset.IdxReader#read} — IDX pairs by path, with class names, several
 *       pairs concatenated (MNIST's train and test files);</li>
 *   <li>{@link org.umapanim.dataset.Dataset#limit}, {@link org.umapanim.dataset.Dataset#sample} and
 *       {@link org.umapanim.dataset.Dataset#concat}.</li>
 * </ul>
 *
 * Every problem with an input file is a {@link org.umapanim.common.FileProblem} naming the file and,
 * for tables, the line or row and the column.
 *
 * <p>It also owns reading Parquet ({@link org.umapanim.dataset.ParquetFiles},
 * {@link org.umapanim.dataset.ParquetColumnCursor}), which {@code store} uses for its own files.
 *
 * <p>Imports: {@code common}, and for scanpy's rule (the first 50 principal components of a wide
 * .h5ad matrix) the PCA of {@code knn} ({@code SparsePrincipalComponents}); nothing else (the
 * first stage; everything else reads from it).
 */
package org.umapanim.dataset;
