package org.umapanim.umap;

/**
 * umap-learn's find_ab_params: least-squares fit of 1 / (1 + a·x^(2b)) to the target curve
 * (1 below min_dist, exp(−(x − min_dist)/spread) above) on 300 points over [0, 3·spread],
 * by Levenberg–Marquardt from (1, 1) as scipy's curve_fit does.
 */
public final class CurveFit {
    private static final int POINTS = 300;

    private CurveFit() {}

    /** Returns {a, b}; for min_dist 0.1 and spread 1 that is about {1.5769, 0.8951}. */
    public static double[] fitAB(double spread, double minDist) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = spread * 3.0 * i / (POINTS - 1);
            y[i] = x[i] < minDist ? 1.0 : Math.exp(-(x[i] - minDist) / spread);
        }
        double a = 1.0;
        double b = 1.0;
        double lambda = 1e-3;
        double cost = cost(x, y, a, b);
        for (int it = 0; it < 1000; it++) {
            // normal equations J^T J δ = −J^T r for the two parameters
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 0; i < POINTS; i++) {
                if (x[i] <= 0) {
                    continue; // the curve is 1 there whatever a and b are
                }
                double p = Math.pow(x[i], 2 * b);
                double den = 1 + a * p;
                double r = 1 / den - y[i];
                double da = -p / (den * den);
                double db = -a * p * 2 * Math.log(x[i]) / (den * den);
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double maa = jaa * (1 + lambda);
                double mbb = jbb * (1 + lambda);
                double det = maa * mbb - jab * jab;
                double stepA = (-ga * mbb + gb * jab) / det;
                double stepB = (-gb * maa + ga * jab) / det;
                double na = a + stepA;
                double nb = b + stepB;
                double nc = cost(x, y, na, nb);
                if (nc < cost) {
                    boolean converged = Math.abs(stepA) < 1e-12 * (1 + Math.abs(a))
                            && Math.abs(stepB) < 1e-12 * (1 + Math.abs(b));
                    a = na;
                    b = nb;
                    double drop = cost - nc;
                    cost = nc;
                    lambda = Math.max(lambda / 10, 1e-12);
                    improved = !converged && drop > 1e-16 * cost;
                    break;
                }
                lambda *= 10;
            }
            if (!improved) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double cost(double[] x, double[] y, double a, double b) {
        double s = 0;
        for (int i = 0; i < POINTS; i++) {
            double f = x[i] <= 0 ? 1.0 : 1 / (1 + a * Math.pow(x[i], 2 * b));
            double r = f - y[i];
            s += r * r;
        }
        return s;
    }
}
