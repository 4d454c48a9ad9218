/**
 * Downloads full MNIST and Fashion-MNIST for {@code umap-anim prepare --dataset mnist|fashion-mnist}.
 *
 * <p>{@link org.umapanim.dataset.download.KnownDataset} holds what each data set is called and
 * shown as (title, subtitle, label column, class names) and its four canonical gzipped IDX files,
 * pinned by size and SHA-256. {@link org.umapanim.dataset.download.Downloader} brings them into
 * the cache, {@code <cache>/<mnist|fashion-mnist>/<file name>}, where the cache is
 * {@code --cache-dir}, else {@code $UMAP_ANIM_CACHE}, else {@code ~/.cache/umap-anim}. Mirrors
 * given with {@code --mirror} are tried before the built-in ones.
 *
 * <p>Without network, download the four files named in the error (same names, gzipped, as the
 * authors publish them) and put them into the folder the error names; they are checked like
 * downloaded ones. Debian's {@code dataset-fashion-mnist} package holds the same data under another
 * gzip header: its files in {@code /usr/share/datasets/fashion-mnist} are used in place (their
 * un-gzipped content is pinned too), and so are copies of them in the cache.
 */
package org.umapanim.dataset.download;
