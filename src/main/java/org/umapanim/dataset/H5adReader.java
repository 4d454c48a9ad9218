package org.umapanim.dataset;

import java.nio.file.Path;
import org.umapanim.common.FileProblem;

/** Reads an AnnData .h5ad file. */
final class H5adReader {
    private H5adReader() {}

    static Dataset read(Path file, String label, int limit, ReadOptions options) {
        throw new FileProblem(file, "AnnData .h5ad input is not read yet");
    }
}
