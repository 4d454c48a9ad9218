package org.umapanim.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.umapanim.quality.EpochMeasures;
import org.umapanim.reduce.Fit;

/** The report of a prepare that ran: where the time went and what came of it. */
final class PrepareReport {
    private PrepareReport() {}

    /**
     * @param verboseNotes what the stage did, for {@code --verbose} (the fit's description, the
     *                     peak memory); empty otherwise
     */
    static StageReport ran(long millis, List<Path> outputs, String detail, long loadMillis, Fit fit,
                           RunRecorders.Recorded recorded, List<String> verboseNotes) {
        List<StageReport.Phase> phases = new ArrayList<>();
        phases.add(new StageReport.Phase("load", loadMillis, false));
        for (Fit.Phase p : fit.phases()) {
            phases.add(new StageReport.Phase(p.name(), p.millis(), false));
        }
        phases.add(new StageReport.Phase("epochs.parquet", recorded.epochsMillis(), false));
        phases.add(new StageReport.Phase("digits.parquet", recorded.digitsMillis(), true));
        phases.add(new StageReport.Phase("waiting for digits.parquet", recorded.waitedMillis(), false));
        List<String> notes = new ArrayList<>();
        notes.add(figures(recorded.quality().last()));
        notes.addAll(verboseNotes);
        return new StageReport("prepare", StageReport.Outcome.RAN, millis, outputs, detail, notes, phases);
    }

    /** The final layout's measures in one line: "trustworthiness 0.958 · neighbours kept 0.41 · 10-NN accuracy 0.94". */
    static String figures(EpochMeasures last) {
        String line = String.format(Locale.ROOT, "trustworthiness %.3f · neighbours kept %.2f",
                last.trustworthiness(), last.neighbourPreservation());
        return Double.isNaN(last.labelAccuracy()) ? line
                : line + String.format(Locale.ROOT, " · 10-NN accuracy %.2f", last.labelAccuracy());
    }
}
