package org.umapanim.pipeline;

import org.umapanim.common.FileProblem;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.store.EpochsReader;

/** The rows of digits.parquet, which must be the epochs' points one for one. */
final class EmbeddedRows {
    private EmbeddedRows() {}

    /** @param digitsSha256 digits.parquet's SHA-256, as the stage stamp found it: the file is hashed once */
    static Dataset read(Folders folders, EpochsReader epochs, String digitsSha256) {
        String labelColumn = epochs.labelColumn();
        Dataset rows = DatasetReader.readParquet(folders.digits(), labelColumn == null ? "none" : labelColumn,
                epochs.points(), digitsSha256);
        if (rows.rows() != epochs.points()) {
            throw new FileProblem(folders.digits(), "has " + rows.rows() + " rows but " + folders.epochs().getFileName()
                    + " has " + epochs.points() + " points; they come from different runs (run prepare again)");
        }
        return rows;
    }
}
