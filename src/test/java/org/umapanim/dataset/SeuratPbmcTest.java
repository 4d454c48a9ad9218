package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real cells: Seurat's pbmc_raw.txt (80 peripheral blood cells × 230 genes, raw counts), which
 * {@code .ci/run} takes out of Debian's r-cran-seurat, turned into an .h5ad by anndata here.
 */
class SeuratPbmcTest {
    private static final Path EXTRACTED = Path.of("target/debian/pbmc_raw.txt");
    private static final Path INSTALLED = Path.of("/usr/lib/R/site-library/Seurat/extdata/pbmc_raw.txt");

    @TempDir
    static Path dir;

    @BeforeAll
    static void convertWithAnndata() throws Exception {
        Path raw = Files.isRegularFile(EXTRACTED) ? EXTRACTED : INSTALLED;
        String why = "Seurat's pbmc_raw.txt is not there (.ci/run extracts it from r-cran-seurat into " + EXTRACTED + ")";
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isRegularFile(raw), why);
        }
        assertThat(raw).as(why).isRegularFile();
        Python.require("numpy", "anndata", "scipy");
        Python.run(dir, """
                import numpy as np, pandas as pd, anndata as ad, scipy.sparse as sp
                m = pd.read_csv('%s', sep='\\t', index_col=0)       # genes × cells
                x = m.T.values.astype(np.float32)
                a = ad.AnnData(X=sp.csr_matrix(x), obs=pd.DataFrame(index=m.columns), var=pd.DataFrame(index=m.index))
                a.write_h5ad('pbmc.h5ad')
                c = x.astype(np.float64) - x.mean(0)
                u, s, vt = np.linalg.svd(c, full_matrices=False)
                scores = u[:, :50] * s[:50]
                scores *= np.sign(scores[np.abs(scores).argmax(0), np.arange(50)])
                np.save('exact.npy', scores)
                """.formatted(raw.toAbsolutePath()));
    }

    @Test
    void eightyCellsAsFiftyPrincipalComponents() {
        Dataset ds = DatasetReader.read(dir.resolve("pbmc.h5ad"), null, 0);
        assertThat(ds.rows()).isEqualTo(80);
        assertThat(ds.matrix()).isEqualTo("first 50 principal components of X");
        assertThat(ds.labelled()).isFalse();
        float[] exact = DatasetReader.read(dir.resolve("exact.npy"), null, 0).values();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 80; i++) {
                assertThat(ds.values()[i * 50 + c]).as("cell " + i + " component " + c)
                        .isCloseTo(exact[i * 50 + c], within(1e-3f * Math.abs(exact[c]) + 1e-3f));
            }
        }
    }
}
