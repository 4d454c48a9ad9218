package org.umapanim.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.quality.QualityMethod;
import org.umapanim.quality.QualityRun;
import org.umapanim.reduce.Fit;

/** The report of a prepare that ran, built from what the fit and the recorders timed. */
class PrepareReportTest {
    private static QualityRun quality(double accuracy) {
        EpochMeasures last = new EpochMeasures(1, 0.9581, 0.412, accuracy, 0.1, 0.2, 10, 20);
        return new QualityRun(List.of(last), new QualityMethod(100, 100, "every rank exact", 100, 100, 15, 10,
                !Double.isNaN(accuracy), 42, Map.of()));
    }

    @Test
    void thePhasesAreLoadTheFitsOwnAndTheFilesInOrder() {
        Fit fit = new Fit(new float[2], List.of(new Fit.Phase("kNN", 1000), new Fit.Phase("SGD", 3000)), "UMAP: …");
        RunRecorders.Recorded recorded = new RunRecorders.Recorded(quality(0.94), 500, 1500, 20);
        StageReport report = PrepareReport.ran(6000, List.of(Path.of("d")), "2 rows", 100, fit, recorded,
                List.of("UMAP: …"));
        assertThat(report.phases()).containsExactly(
                new StageReport.Phase("load", 100, false),
                new StageReport.Phase("kNN", 1000, false),
                new StageReport.Phase("SGD", 3000, false),
                new StageReport.Phase("epochs.parquet", 500, false),
                new StageReport.Phase("digits.parquet", 1500, true),
                new StageReport.Phase("waiting for digits.parquet", 20, false));
        assertThat(report.otherMillis()).as("digits.parquet ran alongside").isEqualTo(6000 - 100 - 1000 - 3000 - 500 - 20);
        assertThat(report.notes()).containsExactly("trustworthiness 0.958 · neighbours kept 0.41 · 10-NN accuracy 0.94",
                "UMAP: …");
        assertThat(report.outcome()).isEqualTo(StageReport.Outcome.RAN);
    }

    @Test
    void unlabelledDataHaveNoAccuracy() {
        assertThat(PrepareReport.figures(quality(Double.NaN).last()))
                .isEqualTo("trustworthiness 0.958 · neighbours kept 0.41");
    }
}
