package org.umapanim.render;

import java.nio.file.Path;
import org.umapanim.dataset.Dataset;

/**
 * How the render stage opens its two input files; the production implementation delegates to
 * {@code store.EpochsReader} and {@code dataset.DatasetReader}, tests supply data in memory.
 */
public interface RenderInputs {
    /** Opens the epochs file; throws FileProblem when it is missing or not ours. */
    EpochSource openEpochs(Path epochsFile);

    /** Reads the embedded rows (for the legend's sample images) with the given label column. */
    Dataset readRows(Path digitsFile, String labelColumn, int limit);
}
