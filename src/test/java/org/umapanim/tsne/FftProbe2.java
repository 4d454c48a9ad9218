package org.umapanim.tsne;

import java.lang.reflect.Field;
import org.umapanim.umap.Workers;

/** Debug probe: the FFT node convolution against a direct one. */
public final class FftProbe2 {
    public static void main(String[] args) throws Exception {
        int n = 300;
        float[] base = TsneStart.random(n, 9);
        try (Workers w = new Workers(1)) {
            double[] y = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                y[i] = base[i] * 2e5;
            }
            FftRepulsion fft = new FftRepulsion(n, w);
            fft.forces(y, new double[2 * n]);
            int s = (int) get(fft, "side");
            double[] q = (double[]) get(fft, "charges");
            double[] pot = (double[]) get(fft, "potentials");
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double v : y) { min = Math.min(min, v); max = Math.max(max, v); }
            double h = (max - min) / fft.intervals() / 3;
            double err = 0, norm = 0;
            for (int r = 0; r < s; r += 7) {
                for (int c = 0; c < s; c += 5) {
                    double sum = 0;
                    for (int r2 = 0; r2 < s; r2++) for (int c2 = 0; c2 < s; c2++) {
                        double d2 = h * h * ((r - r2) * (double) (r - r2) + (c - c2) * (double) (c - c2));
                        double k = 1 / (1 + d2);
                        sum += k * k * q[r2 * s + c2];
                    }
                    err = Math.max(err, Math.abs(sum - pot[r * s + c]));
                    norm = Math.max(norm, Math.abs(sum));
                }
            }
            System.out.printf("side %d: max abs err %.2e of max %.2e%n", s, err, norm);
        }
    }

    static Object get(Object o, String name) throws Exception {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
