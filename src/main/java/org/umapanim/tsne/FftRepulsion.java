package org.umapanim.tsne;

import org.jtransforms.fft.DoubleFFT_1D;
import org.umapanim.knn.Workers;

/**
 * Repulsion by FFT-accelerated interpolation (Linderman et al., Nat. Methods 16:243, 2019), as
 * openTSNE's {@code estimate_negative_gradient_fft_2d} and FIt-SNE's {@code nbodyfft.cpp} do it.
 * A square grid covers the layout with B intervals per side, B = max(50, span) rounded up to a
 * size the FFT handles fast, 3 equispaced Lagrange nodes per interval. Each point spreads four
 * charges (1, x, y, x² + y²) onto the 3 × 3 nodes of its cell; the node potentials are the
 * charges convolved with K² = 1/(1 + d²)² over all node pairs; each point gathers them back
 * with the same weights. Z comes from the same four potentials, since K = K²(1 + d²):
 * Σ_j K_ij = (1 + |y_i|²) φ₁ − 2 y_i·(φ₂, φ₃) + φ₄, less the n self terms.
 *
 * <p>The convolution of the 3B × 3B node grid is a circular one of size M = 6B per side (the
 * kernel embedded in a circulant), done as 1-D JTransforms FFTs: the charges two at a time as
 * one complex grid, transforms of its 3B non-zero rows, of its M columns (each multiplied by the
 * kernel's spectrum and transformed back in one go, gathered eight at a time so each cache line
 * is read whole) and back of the 3B rows wanted. The kernel is even in both axes, so its
 * spectrum is real and even: the two grids of a pair come back apart in the real and imaginary
 * parts, and the spectrum itself takes real transforms of half its rows. It is recomputed each
 * call, as the grid moves with the layout.
 *
 * <p>Cost, measured on one thread (process CPU, 10,000 clustered points): 16 ms per call at the
 * 50-interval floor, 41 ms at 90 intervals, 58 ms at 128; about 80 % of it the column and row
 * transforms, 12 % the kernel's spectrum, the points' parts (cells, spreading, gathering) the
 * rest.
 *
 * <p>Threads: every unit of work (a box row of charges spread, a grid row or column
 * transformed, a block of points gathered) writes only its own outputs and sums in a fixed
 * order, and JTransforms runs transforms this short (below its 8,192-point threshold) on the
 * calling thread, so the result is the same on any number of threads.
 */
final class FftRepulsion implements Repulsion {
    /** openTSNE's n_interpolation_points, min_num_intervals and 1 / ints_in_interval. */
    static final int NODES = 3;
    static final int MIN_INTERVALS = 50;
    static final double INTERVALS_PER_UNIT = 1;
    static final int MAX_INTERVALS = 1000;
    private static final int POINT_BLOCK = 512;
    private static final int ROW_BLOCK = 8;
    private static final int CHARGES = 4;
    /** Columns transformed together: 8 complex values, two cache lines, read per grid row. */
    private static final int COLUMN_BLOCK = 8;

    private final int nodes;
    private final double intervalsPerUnit;
    /** The Lagrange nodes of one interval, as fractions of it, and their weights' denominators. */
    private final double[] node;
    private final double[] denominator;

    private final int n;
    private final Workers workers;
    // per point: its cell and its nodes Lagrange weights along x and along y
    private final int[] cellX;
    private final int[] cellY;
    private final double[] weightX;
    private final double[] weightY;
    private final int[] byCellRow;
    private final double[] blockZ;

    private int intervals;
    private int side;
    private int m;
    private int[] cellRowStart = new int[0];
    private double[] charges = new double[0];
    private double[] potentials = new double[0];
    private double[] spectra = new double[0];
    private double[] kernelRows = new double[0];
    private double[] kernelSpectrum = new double[0];
    private DoubleFFT_1D fft;
    private final ThreadLocal<double[]> rowBuffer = ThreadLocal.withInitial(() -> new double[0]);
    private final ThreadLocal<double[]> columnBuffer = ThreadLocal.withInitial(() -> new double[0]);

    FftRepulsion(int n, Workers workers) {
        this(n, workers, NODES, INTERVALS_PER_UNIT);
    }

    FftRepulsion(int n, Workers workers, int nodes, double intervalsPerUnit) {
        this.n = n;
        this.workers = workers;
        this.nodes = nodes;
        this.intervalsPerUnit = intervalsPerUnit;
        this.node = new double[nodes];
        this.denominator = new double[nodes];
        for (int a = 0; a < nodes; a++) {
            node[a] = (a + 0.5) / nodes;
        }
        for (int a = 0; a < nodes; a++) {
            double d = 1;
            for (int b = 0; b < nodes; b++) {
                if (b != a) {
                    d *= node[a] - node[b];
                }
            }
            denominator[a] = d;
        }
        this.cellX = new int[n];
        this.cellY = new int[n];
        this.weightX = new double[nodes * n];
        this.weightY = new double[nodes * n];
        this.byCellRow = new int[n];
        this.blockZ = new double[(n + POINT_BLOCK - 1) / POINT_BLOCK];
    }

    /** The intervals per side of the last grid, for tests. */
    int intervals() {
        return intervals;
    }

    @Override
    public double forces(double[] y, double[] force) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = Math.max(max - min, 1e-12);
        resize(intervalsFor(span * intervalsPerUnit));
        double width = span / intervals;
        locate(y, min, width);
        spread(y);
        kernelSpectrum(width / nodes);
        convolve();
        return gather(y, force) - n;
    }

    /** openTSNE's count, max(50, span) intervals of width ≤ 1, rounded up to a 2·3·5-smooth size (the FFT's fast lengths). */
    static int intervalsFor(double span) {
        int b = (int) Math.max(MIN_INTERVALS, Math.min(MAX_INTERVALS, span));
        while (!smooth(b)) {
            b++;
        }
        return b;
    }

    private static boolean smooth(int b) {
        for (int f : new int[] {2, 3, 5}) {
            while (b % f == 0) {
                b /= f;
            }
        }
        return b == 1;
    }

    private void resize(int b) {
        if (b == intervals) {
            return;
        }
        intervals = b;
        side = nodes * b;
        m = 2 * side;
        int columns = m / 2 + 1;
        if (cellRowStart.length < b + 1) {
            cellRowStart = new int[b + 1];
        }
        if (charges.length < CHARGES * side * side) {
            charges = new double[CHARGES * side * side];
            potentials = new double[CHARGES * side * side];
        }
        if (spectra.length < CHARGES / 2 * side * 2 * m) {
            spectra = new double[CHARGES / 2 * side * 2 * m];
            kernelRows = new double[columns * columns];
            kernelSpectrum = new double[columns * m];
        }
        fft = new DoubleFFT_1D(m);
    }

    private double[] buffer() {
        double[] b = rowBuffer.get();
        if (b.length < 2 * m) {
            b = new double[2 * m];
            rowBuffer.set(b);
        }
        return b;
    }

    private double[] columnBuffer() {
        double[] b = columnBuffer.get();
        if (b.length < COLUMN_BLOCK * 2 * m) {
            b = new double[COLUMN_BLOCK * 2 * m];
            columnBuffer.set(b);
        }
        return b;
    }

    /** Each point's cell, its Lagrange weights, and the points sorted by cell row (counting sort, index order within a row). */
    private void locate(double[] y, double min, double width) {
        int b = intervals;
        workers.forBlocks(n, POINT_BLOCK, (from, to) -> {
            for (int i = from; i < to; i++) {
                cellX[i] = cellAndWeights(y[2 * i], min, width, b, weightX, i);
                cellY[i] = cellAndWeights(y[2 * i + 1], min, width, b, weightY, i);
            }
        });
        java.util.Arrays.fill(cellRowStart, 0, b + 1, 0);
        for (int i = 0; i < n; i++) {
            cellRowStart[cellY[i] + 1]++;
        }
        for (int r = 0; r < b; r++) {
            cellRowStart[r + 1] += cellRowStart[r];
        }
        int[] fill = java.util.Arrays.copyOf(cellRowStart, b);
        for (int i = 0; i < n; i++) {
            byCellRow[fill[cellY[i]]++] = i;
        }
    }

    private int cellAndWeights(double v, double min, double width, int b, double[] weights, int i) {
        int cell = Math.min(b - 1, (int) ((v - min) / width));
        double t = (v - (min + cell * width)) / width;
        for (int a = 0; a < nodes; a++) {
            double w = 1;
            for (int c = 0; c < nodes; c++) {
                if (c != a) {
                    w *= t - node[c];
                }
            }
            weights[nodes * i + a] = w / denominator[a];
        }
        return cell;
    }

    /** The four charges onto the nodes, one cell row per task: each writes only its own nodes grid rows. */
    private void spread(double[] y) {
        int s = side;
        int plane = s * s;
        workers.forBlocks(intervals, 1, (from, to) -> {
            for (int cr = from; cr < to; cr++) {
                for (int c = 0; c < CHARGES; c++) {
                    java.util.Arrays.fill(charges, c * plane + nodes * cr * s, c * plane + nodes * (cr + 1) * s, 0);
                }
                for (int e = cellRowStart[cr]; e < cellRowStart[cr + 1]; e++) {
                    int i = byCellRow[e];
                    double x = y[2 * i];
                    double yy = y[2 * i + 1];
                    double r2 = x * x + yy * yy;
                    int gx = nodes * cellX[i];
                    for (int a = 0; a < nodes; a++) {
                        double wy = weightY[nodes * i + a];
                        int row = (nodes * cr + a) * s + gx;
                        for (int bb = 0; bb < nodes; bb++) {
                            double w = wy * weightX[nodes * i + bb];
                            int g = row + bb;
                            charges[g] += w;
                            charges[plane + g] += w * x;
                            charges[2 * plane + g] += w * yy;
                            charges[3 * plane + g] += w * r2;
                        }
                    }
                }
            }
        });
    }

    /**
     * The spectrum of K² on the circulant M × M grid of node offsets, h apart: real and even, so
     * real transforms of the rows and then of the columns give it. Rows go into
     * {@link #kernelRows} row-major (real parts only, M/2 + 1 per row); columns are gathered
     * {@link #COLUMN_BLOCK} at a time so each cache line read is used whole.
     */
    private void kernelSpectrum(double h) {
        int mm = m;
        int s = side;
        int half = mm / 2 + 1;
        // rows r and M − r are equal: transform rows 0 … M/2 only
        workers.forBlocks(half, ROW_BLOCK, (from, to) -> {
            double[] buf = buffer();
            for (int r = from; r < to; r++) {
                int a = r;
                for (int col = 0; col < mm; col++) {
                    int b = col <= s ? col : col - mm;
                    double q = 1.0 / (1.0 + h * h * ((double) a * a + (double) b * b));
                    buf[col] = r == s || col == s ? 0 : q * q;
                }
                fft.realForward(buf);
                // an even row's spectrum is real: Re[k] at 2k, Re[M/2] at 1
                int row = r * half;
                kernelRows[row] = buf[0];
                kernelRows[row + mm / 2] = buf[1];
                for (int k = 1; k < mm / 2; k++) {
                    kernelRows[row + k] = buf[2 * k];
                }
            }
        });
        workers.forBlocks(half, COLUMN_BLOCK, (from, to) -> {
            double[] cols = columnBuffer();
            int width = to - from;
            for (int r = 0; r < mm; r++) {
                int row = Math.min(r, mm - r) * half + from;
                for (int j = 0; j < width; j++) {
                    cols[j * 2 * mm + r] = kernelRows[row + j];
                }
            }
            for (int j = 0; j < width; j++) {
                int off = j * 2 * mm;
                fft.realForward(cols, off);
                int out = (from + j) * mm;
                kernelSpectrum[out] = cols[off];
                kernelSpectrum[out + mm / 2] = cols[off + 1];
                for (int k1 = 1; k1 < mm / 2; k1++) {
                    kernelSpectrum[out + k1] = cols[off + 2 * k1];
                    kernelSpectrum[out + mm - k1] = cols[off + 2 * k1];
                }
            }
        });
    }

    /**
     * The four charge grids convolved with the kernel into {@link #potentials}, two at a time as
     * the real and imaginary parts of one complex grid: the kernel's spectrum is real and even,
     * so the two convolutions come back apart in the real and imaginary parts. (JTransforms' real
     * transforms of these lengths cost as much as its complex ones, so a pair costs what one real
     * grid would.) The spectra are kept row-major, only the first {@link #side} rows: the others
     * are zero going in and not wanted coming out.
     */
    private void convolve() {
        int mm = m;
        int s = side;
        int plane = s * s;
        int rowLength = 2 * mm;
        int spectrum = s * rowLength;
        int pairs = CHARGES / 2;
        // rows: complex transforms of the non-zero rows
        workers.forBlocks(pairs * s, ROW_BLOCK, (from, to) -> {
            double[] buf = buffer();
            for (int task = from; task < to; task++) {
                int pair = task / s;
                int r = task % s;
                int re = 2 * pair * plane + r * s;
                int im = re + plane;
                for (int col = 0; col < s; col++) {
                    buf[2 * col] = charges[re + col];
                    buf[2 * col + 1] = charges[im + col];
                }
                java.util.Arrays.fill(buf, 2 * s, 2 * mm, 0);
                fft.complexForward(buf);
                System.arraycopy(buf, 0, spectra, pair * spectrum + r * rowLength, 2 * mm);
            }
        });
        // columns, a block at a time: forward, times the kernel's real spectrum, back
        int blocksPerPair = (mm + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        workers.forBlocks(pairs * blocksPerPair, 1, (from, to) -> {
            double[] cols = columnBuffer();
            for (int task = from; task < to; task++) {
                int pair = task / blocksPerPair;
                int k0 = (task % blocksPerPair) * COLUMN_BLOCK;
                int width = Math.min(COLUMN_BLOCK, mm - k0);
                for (int r = 0; r < s; r++) {
                    int row = pair * spectrum + r * rowLength + 2 * k0;
                    for (int j = 0; j < width; j++) {
                        cols[j * 2 * mm + 2 * r] = spectra[row + 2 * j];
                        cols[j * 2 * mm + 2 * r + 1] = spectra[row + 2 * j + 1];
                    }
                }
                for (int j = 0; j < width; j++) {
                    int off = j * 2 * mm;
                    java.util.Arrays.fill(cols, off + 2 * s, off + 2 * mm, 0);
                    fft.complexForward(cols, off);
                    int k2 = k0 + j;
                    int kOff = Math.min(k2, mm - k2) * mm; // the spectrum is even in k2 too
                    for (int k1 = 0; k1 < mm; k1++) {
                        double f = kernelSpectrum[kOff + k1];
                        cols[off + 2 * k1] *= f;
                        cols[off + 2 * k1 + 1] *= f;
                    }
                    fft.complexInverse(cols, off, true);
                }
                for (int r = 0; r < s; r++) {
                    int row = pair * spectrum + r * rowLength + 2 * k0;
                    for (int j = 0; j < width; j++) {
                        spectra[row + 2 * j] = cols[j * 2 * mm + 2 * r];
                        spectra[row + 2 * j + 1] = cols[j * 2 * mm + 2 * r + 1];
                    }
                }
            }
        });
        // rows back: the first side values of each are the node potentials of the pair
        workers.forBlocks(pairs * s, ROW_BLOCK, (from, to) -> {
            double[] buf = buffer();
            for (int task = from; task < to; task++) {
                int pair = task / s;
                int r = task % s;
                System.arraycopy(spectra, pair * spectrum + r * rowLength, buf, 0, 2 * mm);
                fft.complexInverse(buf, true);
                int re = 2 * pair * plane + r * s;
                int im = re + plane;
                for (int col = 0; col < s; col++) {
                    potentials[re + col] = buf[2 * col];
                    potentials[im + col] = buf[2 * col + 1];
                }
            }
        });
    }

    /** Each point's four potentials from its cell's nodes; the forces; Z's terms summed per block, the blocks in order. */
    private double gather(double[] y, double[] force) {
        int s = side;
        int plane = s * s;
        workers.forBlocks(n, POINT_BLOCK, (from, to) -> {
            double z = 0;
            for (int i = from; i < to; i++) {
                double p1 = 0;
                double p2 = 0;
                double p3 = 0;
                double p4 = 0;
                int gx = nodes * cellX[i];
                int gy = nodes * cellY[i];
                for (int a = 0; a < nodes; a++) {
                    double wy = weightY[nodes * i + a];
                    int row = (gy + a) * s + gx;
                    for (int b = 0; b < nodes; b++) {
                        double w = wy * weightX[nodes * i + b];
                        int g = row + b;
                        p1 += w * potentials[g];
                        p2 += w * potentials[plane + g];
                        p3 += w * potentials[2 * plane + g];
                        p4 += w * potentials[3 * plane + g];
                    }
                }
                double x = y[2 * i];
                double yy = y[2 * i + 1];
                force[2 * i] = x * p1 - p2;
                force[2 * i + 1] = yy * p1 - p3;
                z += (1 + x * x + yy * yy) * p1 - 2 * (x * p2 + yy * p3) + p4;
            }
            blockZ[from / POINT_BLOCK] = z;
        });
        double z = 0;
        for (double b : blockZ) {
            z += b;
        }
        return z;
    }
}
