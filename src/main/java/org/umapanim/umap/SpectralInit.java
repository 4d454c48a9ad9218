package org.umapanim.umap;

import org.umapanim.knn.Components;
import org.umapanim.knn.Rng;

/**
 * umap-learn's spectral initialisation: the eigenvectors of the 2nd and 3rd smallest
 * eigenvalues of the normalised Laplacian L = I − D^-½ W D^-½, one connected component at a
 * time. We ask ARPACK for the largest eigenvalues of 2I − L = I + D^-½ W D^-½ instead, the
 * same vectors but a far easier problem than eigsh(which="SM").
 *
 * <p>Several components are placed as in umap-learn's multi_component_layout: each component's
 * own spectral layout is scaled to half the distance to the nearest other component's anchor.
 * Anchors are ±unit vectors for up to four components; for more, umap-learn embeds the
 * component centroids spectrally with affinity exp(−d²), which collapses on unscaled data such
 * as pixel values, so we place anchors by PCA of the centroids instead (documented deviation).
 * Components too small for an eigenproblem (fewer than 4 points) get uniform random positions
 * around their anchor, exactly as umap-learn does.
 */
final class SpectralInit {
    private static final int DIM = 2;
    private static final int DENSE_BELOW = 64;

    private SpectralInit() {}

    /** Raw spectral coordinates (2 per row), or null when an eigen solve fails. */
    static double[] layout(FuzzyGraph g, Components comps, float[] values, int d, Rng rng) {
        int n = g.n;
        double[] out = new double[2 * n];
        if (comps.count() == 1) {
            int[] members = comps.members(0);
            double[][] vecs = componentVectors(g, members);
            if (vecs == null) {
                return null;
            }
            for (int li = 0; li < members.length; li++) {
                out[2 * members[li]] = vecs[0][li];
                out[2 * members[li] + 1] = vecs[1][li];
            }
            return out;
        }
        double[][] anchors = anchors(comps, values, d);
        for (int c = 0; c < comps.count(); c++) {
            int[] members = comps.members(c);
            double range = halfDistanceToNearest(anchors, c);
            double[][] vecs = members.length < 2 * DIM || members.length <= DIM + 1
                    ? null : componentVectors(g, members);
            if (vecs == null) {
                for (int i : members) {
                    out[2 * i] = anchors[c][0] + (2 * rng.nextDouble() - 1) * range;
                    out[2 * i + 1] = anchors[c][1] + (2 * rng.nextDouble() - 1) * range;
                }
                continue;
            }
            double max = 0;
            for (double[] v : vecs) {
                for (double e : v) {
                    max = Math.max(max, Math.abs(e));
                }
            }
            double expansion = max > 0 ? range / max : 0;
            for (int li = 0; li < members.length; li++) {
                out[2 * members[li]] = vecs[0][li] * expansion + anchors[c][0];
                out[2 * members[li] + 1] = vecs[1][li] * expansion + anchors[c][1];
            }
        }
        return out;
    }

    /** The two eigenvectors after the trivial one for the component {@code members}; null on failure. */
    static double[][] componentVectors(FuzzyGraph g, int[] members) {
        int m = members.length;
        int[] local = new int[g.n];
        java.util.Arrays.fill(local, -1);
        for (int li = 0; li < m; li++) {
            local[members[li]] = li;
        }
        double[] scale = new double[m];
        for (int li = 0; li < m; li++) {
            int i = members[li];
            double deg = 0;
            for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                deg += g.weights[e];
            }
            scale[li] = deg > 0 ? 1 / Math.sqrt(deg) : 0;
        }
        int nev = DIM + 1;
        SymmetricEigen.Pairs pairs;
        if (m < DENSE_BELOW) {
            double[] dense = new double[m * m];
            for (int li = 0; li < m; li++) {
                int i = members[li];
                dense[li * m + li] += 1;
                for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                    int lj = local[g.columns[e]];
                    dense[li * m + lj] += scale[li] * g.weights[e] * scale[lj];
                }
            }
            pairs = SymmetricEigen.allDense(dense, m);
        } else {
            SymmetricEigen.Operator op = (x, xo, y, yo) -> {
                for (int li = 0; li < m; li++) {
                    int i = members[li];
                    double s = 0;
                    for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                        int lj = local[g.columns[e]];
                        s += g.weights[e] * scale[lj] * x[xo + lj];
                    }
                    y[yo + li] = x[xo + li] + scale[li] * s;
                }
            };
            // umap-learn uses max(2·nev + 1, √m) Lanczos vectors; beyond ~40 they only add cost
            // (each restart is O(m·ncv²)) without changing the converged vectors
            int ncv = Math.min(m, Math.max(2 * nev + 1, Math.min(40, (int) Math.sqrt(m))));
            try {
                pairs = SymmetricEigen.largestArpack(op, m, nev, ncv, 1e-4, 5 * g.n);
            } catch (LinkageError e) {
                return null; // native ARPACK/OpenBLAS unavailable: fall back like a failed solve
            }
        }
        if (pairs == null) {
            return null;
        }
        return new double[][] {pairs.vectors()[1], pairs.vectors()[2]};
    }

    /** Where each component goes: ±unit vectors for up to 4 components, else PCA of their centroids scaled to max |coord| 1. */
    static double[][] anchors(Components comps, float[] values, int d) {
        int c = comps.count();
        double[][] anchors = new double[c][2];
        if (c <= 2 * DIM) {
            double[][] units = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
            for (int i = 0; i < c; i++) {
                anchors[i] = units[i].clone();
            }
            return anchors;
        }
        double[][] centroids = new double[c][d];
        double[] mean = new double[d];
        for (int k = 0; k < c; k++) {
            int[] members = comps.members(k);
            for (int i : members) {
                for (int j = 0; j < d; j++) {
                    centroids[k][j] += values[i * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                centroids[k][j] /= members.length;
                mean[j] += centroids[k][j] / c;
            }
        }
        for (double[] row : centroids) {
            for (int j = 0; j < d; j++) {
                row[j] -= mean[j];
            }
        }
        double[][] axes = principalAxes(centroids, d);
        double max = 0;
        for (int k = 0; k < c; k++) {
            for (int a = 0; a < 2; a++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += centroids[k][j] * axes[a][j];
                }
                anchors[k][a] = s;
                max = Math.max(max, Math.abs(s));
            }
        }
        for (double[] a : anchors) {
            a[0] = max > 0 ? a[0] / max : 0;
            a[1] = max > 0 ? a[1] / max : 0;
        }
        return anchors;
    }

    /** Top two principal directions of centred rows, by power iteration with deflation. */
    private static double[][] principalAxes(double[][] rows, int d) {
        double[][] axes = new double[2][];
        for (int a = 0; a < 2; a++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = 1.0 + 0.01 * j; // fixed start: deterministic
            }
            for (int it = 0; it < 200; it++) {
                double[] w = new double[d];
                for (double[] r : rows) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += r[j] * v[j];
                    }
                    for (int j = 0; j < d; j++) {
                        w[j] += s * r[j];
                    }
                }
                for (int p = 0; p < a; p++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += w[j] * axes[p][j];
                    }
                    for (int j = 0; j < d; j++) {
                        w[j] -= s * axes[p][j];
                    }
                }
                double norm = 0;
                for (double e : w) {
                    norm += e * e;
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    break;
                }
                for (int j = 0; j < d; j++) {
                    v[j] = w[j] / norm;
                }
            }
            axes[a] = v;
        }
        return axes;
    }

    private static double halfDistanceToNearest(double[][] anchors, int c) {
        double best = Double.POSITIVE_INFINITY;
        for (int o = 0; o < anchors.length; o++) {
            double dx = anchors[o][0] - anchors[c][0];
            double dy = anchors[o][1] - anchors[c][1];
            double dist = Math.sqrt(dx * dx + dy * dy);
            if (dist > 0) {
                best = Math.min(best, dist);
            }
        }
        return best == Double.POSITIVE_INFINITY ? 1.0 : best / 2.0;
    }
}
