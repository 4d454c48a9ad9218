package org.umapanim.render;

import java.util.ArrayList;
import java.util.List;
import org.umapanim.quality.EpochMeasures;

/** Made-up measures of a run that improves: quality rising, loss and motion falling. */
final class FakeMeasures {
    private FakeMeasures() {}

    static List<EpochMeasures> improving(int lastEpoch, boolean labelled) {
        List<EpochMeasures> out = new ArrayList<>();
        for (int e = 0; e <= lastEpoch; e++) {
            double t = e / (double) lastEpoch;
            out.add(new EpochMeasures(e, 0.70 + 0.25 * t, 0.05 + 0.25 * t, labelled ? 0.5 + 0.4 * t : Double.NaN,
                    e == 0 ? Double.NaN : 0.05 * Math.pow(0.01, t), e == 0 ? Double.NaN : 0.2 * Math.pow(0.01, t),
                    20_000 - 10_000 * t, 9e6 - 4e6 * t));
        }
        return out;
    }
}
