package org.umapanim.umap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradientTableTest {

    @Test
    void tabulatedCoefficientsMatchTheFormulas() {
        double a = 1.5769434603113077;
        double b = 0.8950608779109733;
        GradientTable t = new GradientTable(a, b, 1.0);
        java.util.Random rnd = new java.util.Random(3);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            float d2 = (float) Math.pow(10, rnd.nextDouble() * 30 - 15); // 1e-15 … 1e15, inside and outside the table
            double pw = Math.pow(d2, b);
            double attraction = -2 * a * b * Math.pow(d2, b - 1) / (1 + a * pw);
            double repulsion = 2 * b / ((0.001 + d2) * (1 + a * pw));
            worst = Math.max(worst, Math.abs(t.attraction(d2) / attraction - 1));
            worst = Math.max(worst, Math.abs(t.repulsion(d2) / repulsion - 1));
        }
        assertThat(worst).isLessThan(5e-5);
    }
}
