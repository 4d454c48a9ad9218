package org.umapanim.tsne;

import org.umapanim.knn.Workers;

/**
 * The O(n²) sum over all pairs: the reference the interpolation is tested against, and the
 * faster one for small layouts (see {@link TsneOptimizer#EXACT_BELOW}).
 */
final class ExactRepulsion implements Repulsion {
    private static final int BLOCK = 64;

    private final int n;
    private final Workers workers;
    private final double[] blockZ;

    ExactRepulsion(int n, Workers workers) {
        this.n = n;
        this.workers = workers;
        this.blockZ = new double[(n + BLOCK - 1) / BLOCK];
    }

    @Override
    public double forces(double[] y, double[] force) {
        workers.forBlocks(n, BLOCK, (from, to) -> {
            double z = 0;
            for (int i = from; i < to; i++) {
                double xi = y[2 * i];
                double yi = y[2 * i + 1];
                double fx = 0;
                double fy = 0;
                for (int j = 0; j < n; j++) {
                    double dx = xi - y[2 * j];
                    double dy = yi - y[2 * j + 1];
                    double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    z += q;
                    q *= q;
                    fx += q * dx;
                    fy += q * dy;
                }
                force[2 * i] = fx;
                force[2 * i + 1] = fy;
                z -= 1; // the term j = i, K_ii = 1, its force 0
            }
            blockZ[from / BLOCK] = z;
        });
        double z = 0;
        for (double b : blockZ) {
            z += b;
        }
        return z;
    }
}
