package org.umapanim.render;

import java.nio.file.Path;
import java.util.Map;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.DatasetReader;
import org.umapanim.store.EpochsReader;

/** The render stage's inputs as prepare wrote them: epochs.parquet and digits.parquet. */
public final class StoredInputs implements RenderInputs {
    @Override
    public EpochSource openEpochs(Path epochsFile) {
        EpochsReader reader = EpochsReader.open(epochsFile);
        return new EpochSource() {
            @Override
            public int points() {
                return reader.points();
            }

            @Override
            public int lastEpoch() {
                return reader.lastEpoch();
            }

            @Override
            public String labelColumn() {
                return reader.labelColumn();
            }

            @Override
            public String[] labels() {
                return reader.labels();
            }

            @Override
            public Map<String, String> metadata() {
                return reader.metadata();
            }

            @Override
            public void forEachEpoch(EpochConsumer consumer) {
                reader.forEachEpoch(consumer::accept);
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    @Override
    public Dataset readRows(Path digitsFile, String labelColumn, int limit) {
        return DatasetReader.read(digitsFile, labelColumn == null ? "none" : labelColumn, limit);
    }
}
