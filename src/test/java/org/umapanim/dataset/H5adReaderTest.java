package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.Checksums;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;

/**
 * .h5ad files written by anndata itself (≥ 0.8 layout, Debian's python3-anndata) and by h5py in
 * anndata 0.7's layout, with single-cell-like counts: three cell types, each raising a third of
 * the genes, Poisson counts.
 */
class H5adReaderTest {
    @TempDir
    static Path dir;

    private static final int N = 300;

    @BeforeAll
    static void writeWithAnndata() throws Exception {
        Python.require("numpy", "h5py", "anndata", "scipy");
        Python.run(dir, """
                import numpy as np, anndata as ad, scipy.sparse as sp, pandas as pd, h5py
                rng = np.random.default_rng(0)
                n = %d
                def counts(d):
                    lam = np.where(np.arange(d)[None, :] %% 3 == (np.arange(n) %% 3)[:, None], 3.0, 0.3)
                    return rng.poisson(lam).astype(np.float32)
                wide, narrow = counts(120), counts(30)
                types = np.array(['B cell', 'T cell', 'NK'])[np.arange(n) %% 3]
                obs = pd.DataFrame({'cell_type': pd.Categorical(types, categories=['T cell', 'NK', 'B cell']),
                                    'batch': np.array(['b1', 'b2'])[np.arange(n) %% 2],
                                    'n_genes': (wide > 0).sum(1).astype(np.int64),
                                    'is_doublet': np.arange(n) %% 5 == 0,
                                    'score': np.linspace(0, 1, n)},
                                   index=['cell%%d' %% i for i in range(n)])
                pca = rng.normal(size=(n, 50)).astype(np.float32)
                def write(name, X, with_pca, **kw):
                    a = ad.AnnData(X=X, obs=obs.copy())
                    if with_pca:
                        a.obsm['X_pca'] = pca
                    a.obsm['X_umap'] = rng.normal(size=(n, 2))
                    a.layers['counts'] = np.asarray(X.todense()) if sp.issparse(X) else X
                    a.write_h5ad(name, **kw)
                write('pca.h5ad', sp.csr_matrix(wide), True)
                write('csr.h5ad', sp.csr_matrix(wide), False)
                write('csc.h5ad', sp.csc_matrix(wide), False, compression='gzip')
                write('dense.h5ad', wide, False, compression='lzf')
                write('narrow.h5ad', sp.csr_matrix(narrow), False)
                np.save('pca.npy', pca)
                np.save('narrow.npy', narrow)
                # the exact scores: SVD of the centred dense matrix, each component's largest score positive
                c = wide - wide.mean(0)
                u, s, vt = np.linalg.svd(c.astype(np.float64), full_matrices=False)
                scores = u[:, :50] * s[:50]
                scores *= np.sign(scores[np.abs(scores).argmax(0), np.arange(50)])
                np.save('exact.npy', scores)

                # anndata 0.7's layout, as its h5ad writer made it: sparse groups marked h5sparse_*,
                # categorical codes as a dataset whose categories attribute refers to obs/__categories
                x = sp.csr_matrix(wide)
                vlen = h5py.special_dtype(vlen=str)
                with h5py.File('v07.h5ad', 'w') as f:
                    g = f.create_group('X')
                    g.attrs['h5sparse_format'] = 'csr'
                    g.attrs['h5sparse_shape'] = x.shape
                    g['data'], g['indices'], g['indptr'] = x.data, x.indices, x.indptr
                    o = f.create_group('obs')
                    o.attrs['encoding-type'] = 'dataframe'
                    o.attrs['encoding-version'] = '0.1.0'
                    o.attrs['_index'] = '_index'
                    o.attrs['column-order'] = ['cell_type', 'batch']
                    o.create_dataset('_index', data=np.array(obs.index, dtype=object), dtype=vlen)
                    cat = obs['cell_type'].values
                    o.create_dataset('__categories/cell_type', data=np.array(cat.categories, dtype=object), dtype=vlen)
                    o['cell_type'] = cat.codes
                    o['cell_type'].attrs['categories'] = o['__categories/cell_type'].ref
                    o['__categories/cell_type'].attrs['ordered'] = False
                    o.create_dataset('batch', data=np.array(obs['batch'], dtype=object), dtype=vlen)
                    f.create_group('obsm')['X_umap'] = rng.normal(size=(n, 2))
                """.formatted(N));
    }

    private static Dataset read(String file, String label, String useRep) {
        return DatasetReader.read(dir.resolve(file), label, 0, new ReadOptions(null, null, null, useRep));
    }

    private static float[] npy(String file) {
        return DatasetReader.read(dir.resolve(file), null, 0).values();
    }

    private static String expectedType(int i) {
        return new String[] {"B cell", "T cell", "NK"}[i % 3];
    }

    @Test
    void scanpysRuleTakesXPcaFirst() {
        Dataset ds = read("pca.h5ad", null, null);
        assertThat(ds.matrix()).isEqualTo("obsm/X_pca");
        assertThat(ds.cols()).isEqualTo(50);
        assertThat(ds.values()).containsExactly(npy("pca.npy"));
        assertThat(ds.sha256()).isEqualTo(Checksums.sha256(dir.resolve("pca.h5ad")));
        assertThat(ds.name()).isEqualTo("pca");
        // cell_type is found without --label, as scanpy users name it
        assertThat(ds.labelColumn()).isEqualTo("cell_type");
        for (int i = 0; i < N; i++) {
            assertThat(ds.labels()[i]).isEqualTo(expectedType(i));
        }
    }

    @Test
    void xItselfWhenItHasAtMostFiftyColumns() {
        Dataset ds = read("narrow.h5ad", null, null);
        assertThat(ds.matrix()).isEqualTo("X");
        assertThat(ds.values()).containsExactly(npy("narrow.npy"));
    }

    @Test
    void fiftyPrincipalComponentsOfAWideXSparseByRowsOrColumnsOrDense() {
        float[] exact = npy("exact.npy");
        for (String file : new String[] {"csr.h5ad", "csc.h5ad", "dense.h5ad", "v07.h5ad"}) {
            Dataset ds = read(file, "none", null);
            assertThat(ds.matrix()).as(file).isEqualTo("first 50 principal components of X");
            assertThat(ds.cols()).isEqualTo(50);
            // the leading components (the cell types) match the exact SVD closely
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < N; i++) {
                    assertThat(ds.values()[i * 50 + c]).as(file + " cell " + i + " component " + c)
                            .isCloseTo(exact[i * 50 + c], org.assertj.core.api.Assertions.within(1e-3f * Math.abs(exact[c]) + 1e-3f));
                }
            }
            // and all fifty keep nearly all the variance the exact fifty keep
            assertThat(sumOfSquares(ds.values())).as(file).isCloseTo(sumOfSquares(exact),
                    org.assertj.core.api.Assertions.withinPercentage(2));
        }
        assertThat(read("csc.h5ad", "none", null).values()).containsExactly(read("csr.h5ad", "none", null).values());
    }

    private static double sumOfSquares(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s;
    }

    @Test
    void useRepPicksObsmXOrALayer() {
        Dataset umap = read("csr.h5ad", "none", "X_umap");
        assertThat(umap.matrix()).isEqualTo("obsm/X_umap");
        assertThat(umap.cols()).isEqualTo(2);
        Dataset x = read("csc.h5ad", "none", "X");
        Dataset layer = read("dense.h5ad", "none", "layers/counts");
        assertThat(x.cols()).isEqualTo(120);
        assertThat(layer.values()).containsExactly(x.values());
        assertThat(read("csr.h5ad", "none", "X").values()).containsExactly(x.values());
        assertThat(read("v07.h5ad", "none", "X").values()).containsExactly(x.values());
        assertThat(layer.matrix()).isEqualTo("layers/counts");
    }

    @Test
    void everyKindOfObsColumn() {
        Dataset batch = read("pca.h5ad", "batch", null);
        assertThat(Arrays.copyOf(batch.labels(), 3)).containsExactly("b1", "b2", "b1");
        assertThat(read("pca.h5ad", "is_doublet", null).labels()[5]).isEqualTo("true");
        assertThat(read("pca.h5ad", "is_doublet", null).labels()[6]).isEqualTo("false");
        assertThat(Integer.parseInt(read("pca.h5ad", "n_genes", null).labels()[0])).isPositive();
        Dataset old = read("v07.h5ad", "cell_type", "X_umap");
        for (int i = 0; i < N; i++) {
            assertThat(old.labels()[i]).isEqualTo(expectedType(i));
        }
        assertThat(read("v07.h5ad", "batch", "X_umap").labels()[1]).isEqualTo("b2");
    }

    @Test
    void categoricalClassesKeepTheCategoriesOrderOthersTheRule() {
        // stored as [T cell, NK, B cell]: neither alphabetical nor the order the rows meet them
        assertThat(read("pca.h5ad", "cell_type", null).classes()).containsExactly("T cell", "NK", "B cell");
        assertThat(read("v07.h5ad", "cell_type", "X_umap").classes()).as("anndata 0.7's __categories")
                .containsExactly("T cell", "NK", "B cell");
        Dataset firstTwo = read("pca.h5ad", "cell_type", null).limit(2);
        assertThat(firstTwo.classes()).as("categories no row has are left out").containsExactly("T cell", "B cell");
        assertThat(firstTwo.sample(2, 1).classes()).containsExactly("T cell", "B cell");
        assertThat(read("pca.h5ad", "batch", null).classes()).as("text: the rule").containsExactly("b1", "b2");
        assertThat(read("pca.h5ad", "is_doublet", null).classes()).containsExactly("false", "true");
    }

    @Test
    void missingKeysAndColumnsListTheOnesThere() {
        assertThatThrownBy(() -> read("csr.h5ad", null, "X_tsne")).isInstanceOf(SettingProblem.class)
                .hasMessage("useRep names no matrix of csr.h5ad: 'X_tsne' (there are: X_umap, X, layers/counts)");
        assertThatThrownBy(() -> read("csr.h5ad", "louvain", null)).isInstanceOf(SettingProblem.class)
                .hasMessage("label names no obs column of csr.h5ad: 'louvain' (obs columns: cell_type, batch, n_genes, "
                        + "is_doublet, score)");
    }

    @Test
    void truncatedAndNonHdf5FilesAreOneLine() throws Exception {
        byte[] good = Files.readAllBytes(dir.resolve("csr.h5ad"));
        Path cut = Files.write(dir.resolve("cut.h5ad"), Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> read("cut.h5ad", null, null)).isInstanceOf(FileProblem.class)
                .satisfies(e -> assertThat(((FileProblem) e).file()).isEqualTo(cut))
                .hasMessageStartingWith("not a readable .h5ad file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Files.writeString(dir.resolve("text.h5ad"), "cell,gene\n1,2\n");
        assertThatThrownBy(() -> read("text.h5ad", null, null)).isInstanceOf(FileProblem.class)
                .hasMessage("not an HDF5 file (an .h5ad file is HDF5)");
    }
}
