package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.Checksums;
import org.umapanim.dataset.Python;

/** The README's "From scanpy" and "From embeddings" commands, on files written by anndata and NumPy. */
class ScanpyAndEmbeddingsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void write() throws Exception {
        Python.require("numpy", "anndata", "scipy");
        Python.run(dir, """
                import numpy as np, anndata as ad, scipy.sparse as sp, pandas as pd
                rng = np.random.default_rng(1)
                n, d = 240, 400
                lam = np.where(np.arange(d)[None, :] % 4 == (np.arange(n) % 4)[:, None], 2.0, 0.2)
                types = pd.Categorical(np.array(['B', 'T', 'NK', 'Mono'])[np.arange(n) % 4], categories=['T', 'B', 'NK', 'Mono'])
                a = ad.AnnData(X=sp.csr_matrix(rng.poisson(lam).astype(np.float32)), obs=pd.DataFrame({'cell_type': types}, index=[f'c{i}' for i in range(n)]))
                a.write_h5ad('blood.h5ad')
                centres = rng.normal(size=(3, 32)) * 4
                np.save('vectors.npy', (centres[np.arange(n) % 3] + rng.normal(size=(n, 32))).astype(np.float32))
                np.save('topics.npy', np.array(['sport', 'music', 'news'])[np.arange(n) % 3])
                """);
    }

    private static String footer(Path parquet, String key) throws Exception {
        return DuckDb.query("SELECT decode(value) FROM parquet_kv_metadata('" + parquet + "') WHERE decode(key) = '" + key + "'");
    }

    @Test
    void fromScanpy() throws Exception {
        Path data = dir.resolve("scanpy");
        CliRun run = CliRun.of("prepare", "--quiet", "--input", dir.resolve("blood.h5ad").toString(), "--label", "cell_type",
                "--epochs", "20", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path epochs = data.resolve("epochs.parquet");
        assertThat(footer(epochs, "dataset.sha256")).isEqualTo(Checksums.sha256(dir.resolve("blood.h5ad")));
        assertThat(footer(epochs, "dataset.matrix")).isEqualTo("first 50 principal components of X");
        assertThat(footer(epochs, "title")).isEqualTo("blood cells embedded into two dimensions by UMAP");
        assertThat(footer(epochs, "subtitle")).isEqualTo("Each point is a cell of blood.h5ad (first 50 principal components of X)");
        assertThat(DuckDb.query("SELECT string_agg(DISTINCT cell_type, ',' ORDER BY cell_type) FROM read_parquet('" + epochs + "')"))
                .isEqualTo("B,Mono,NK,T");
    }

    @Test
    void fromEmbeddings() throws Exception {
        Path data = dir.resolve("embeddings");
        CliRun run = CliRun.of("prepare", "--quiet", "--input", dir.resolve("vectors.npy").toString(), "--labels",
                dir.resolve("topics.npy").toString(), "--epochs", "20", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path epochs = data.resolve("epochs.parquet");
        assertThat(DuckDb.query("SELECT count(*) FROM read_parquet('" + epochs + "') WHERE epoch = 20 AND label = 'news'"))
                .isEqualTo("80");
        assertThat(footer(epochs, "dataset.sha256")).isEqualTo(Checksums.sha256(dir.resolve("vectors.npy")));
    }

    @Test
    void aMissingKeyIsOneLineAndNothingIsWritten() throws Exception {
        Path data = dir.resolve("nothing");
        CliRun run = CliRun.of("prepare", "--input", dir.resolve("blood.h5ad").toString(), "--use-rep", "X_scvi",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("umap-anim: --use-rep names no matrix of blood.h5ad: 'X_scvi' (there are: X)\n");
        assertThat(Files.exists(data.resolve("epochs.parquet"))).isFalse();
        CliRun wrong = CliRun.of("prepare", "--input", dir.resolve("vectors.npy").toString(), "--labels",
                dir.resolve("blood.h5ad").toString(), "--data-dir", data.toString());
        assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(1);
        assertThat(wrong.err().strip().lines().count()).as(wrong.err()).isEqualTo(1);
        assertThat(Files.exists(data.resolve("epochs.parquet"))).isFalse();
    }
}
