package org.umapanim.tsne;

import java.util.HashMap;
import java.util.Map;
import org.umapanim.common.Progress;
import org.umapanim.umap.Workers;

/** Debug probe: FFT repulsion variants vs exact on layouts of a digits run. */
public final class FftProbe {
    public static void main(String[] args) {
        Affinities p = DigitsAffinities.affinities();
        int n = p.n();
        Map<Integer, float[]> kept = new HashMap<>();
        try (Workers w = new Workers(2)) {
            new TsneOptimizer(p, TsneSchedule.DEFAULTS, w, false).run(TsneStart.random(n, 3), (t, xy) -> {
                if (t == 250 || t == 300 || t == 750) {
                    kept.put(t, xy.clone());
                }
            }, null, Progress.NONE);
            for (int t : new int[] {250, 300, 750}) {
                double[] y = new double[2 * n];
                for (int i = 0; i < 2 * n; i++) {
                    y[i] = kept.get(t)[i];
                }
                double[] re = new double[2 * n];
                double ze = new ExactRepulsion(n, w).forces(y, re);
                for (int nodes : new int[] {3, 4, 5}) {
                    for (double per : new double[] {1, 2, 3}) {
                        double[] rf = new double[2 * n];
                        FftRepulsion f = new FftRepulsion(n, w, nodes, per);
                        double zf = f.forces(y, rf);
                        long t0 = System.nanoTime();
                        for (int r = 0; r < 5; r++) {
                            f.forces(y, rf);
                        }
                        double ms = (System.nanoTime() - t0) / 5e6;
                        System.out.printf("it %d nodes %d per-unit %.0f intervals %d: repulsion err %.2e Z err %.2e, %.1f ms%n", t, nodes, per,
                                f.intervals(), FftRepulsionTest.relativeError(rf, re), Math.abs(zf - ze) / ze, ms);
                    }
                }
            }
        }
    }
}
