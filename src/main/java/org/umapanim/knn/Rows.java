package org.umapanim.knn;

/**
 * The input rows as the kNN search reads them, prepared once for the metric:
 *
 * <ul>
 *   <li>Pixel data (every value an integer 0…255) under the Euclidean or Manhattan metric is
 *       kept as bytes ({@code value − 128}, so they fit a signed byte) and compared in exact
 *       integer arithmetic: a quarter of the memory of floats, and the byte kernel is the
 *       fastest one (see {@link Distance}).</li>
 *   <li>Other data is kept as floats, scaled by a power of two so the largest magnitude lies in
 *       [1, 2). A power of two changes no bit of any distance (every rounding scales with it),
 *       but values like 1e19, whose squares overflow a float, now work like any others.</li>
 *   <li>Cosine and correlation rows are normalised to unit length (correlation's after
 *       subtracting their mean), in double precision, so the search compares directions with
 *       the Euclidean kernel: |a − b|² = 2 − 2·cos. All-zero (or constant) rows stay zero.</li>
 * </ul>
 *
 * Rows are padded with zeros to a multiple of the kernels' block so the loops have no tails.
 * {@link #distance} is the search distance (squared Euclidean of the prepared rows, or the
 * Manhattan sum); {@link #reported} turns it into the metric's own distance.
 */
final class Rows {
    final int n;
    final int d;
    final int stride;
    final Metric metric;
    private final byte[] pixels;
    private final float[] floats;
    /** Search distances are in units of this power of two. */
    private final double unit;

    private Rows(int n, int d, int stride, Metric metric, byte[] pixels, float[] floats, double unit) {
        this.n = n;
        this.d = d;
        this.stride = stride;
        this.metric = metric;
        this.pixels = pixels;
        this.floats = floats;
        this.unit = unit;
    }

    static Rows of(float[] values, int n, int d, Metric metric, Workers workers) {
        if (!metric.angular() && arePixels(values, workers)) {
            int stride = roundUp(d, KernelShape.BYTE_BLOCK);
            byte[] b = new byte[n * stride];
            workers.forBlocks(n, 1024, (r0, r1) -> {
                for (int i = r0; i < r1; i++) {
                    java.util.Arrays.fill(b, i * stride + d, (i + 1) * stride, (byte) -128);
                    for (int c = 0; c < d; c++) {
                        b[i * stride + c] = (byte) ((int) values[i * d + c] - 128);
                    }
                }
            });
            return new Rows(n, d, stride, metric, b, null, 1.0);
        }
        int stride = roundUp(d, KernelShape.FLOAT_LANES);
        float[] f = new float[n * stride];
        if (metric.angular()) {
            boolean centre = metric == Metric.CORRELATION;
            workers.forBlocks(n, 1024, (r0, r1) -> {
                for (int i = r0; i < r1; i++) {
                    normalise(values, i * d, d, centre, f, i * stride);
                }
            });
            return new Rows(n, d, stride, metric, null, f, 1.0);
        }
        int exponent = Magnitude.exponent(Magnitude.max(values, workers));
        float scale = Math.scalb(1f, -exponent);
        workers.forBlocks(n, 1024, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                for (int c = 0; c < d; c++) {
                    f[i * stride + c] = values[i * d + c] * scale;
                }
            }
        });
        return new Rows(n, d, stride, metric, null, f, Math.scalb(1.0, exponent));
    }

    private static int roundUp(int d, int block) {
        return (d + block - 1) / block * block;
    }

    private static boolean arePixels(float[] values, Workers workers) {
        boolean[] not = new boolean[1];
        workers.forBlocks(values.length, 1 << 16, (from, to) -> {
            for (int i = from; i < to && !not[0]; i++) {
                float v = values[i];
                if (!(v >= 0f && v <= 255f && v == (int) v)) {
                    not[0] = true;
                }
            }
        });
        return !not[0];
    }

    /** Row {@code values[from … from+d)} to unit length (minus its mean first if {@code centre}). */
    private static void normalise(float[] values, int from, int d, boolean centre, float[] out, int at) {
        double mean = 0;
        if (centre) {
            for (int c = 0; c < d; c++) {
                mean += values[from + c];
            }
            mean /= d;
        }
        double norm = 0;
        for (int c = 0; c < d; c++) {
            double v = values[from + c] - mean;
            norm += v * v;
        }
        if (norm == 0) {
            return;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int c = 0; c < d; c++) {
            out[at + c] = (float) ((values[from + c] - mean) * inv);
        }
    }

    /** The same rows in the order {@code order[0], order[1], …}. */
    Rows reorder(int[] order) {
        if (pixels != null) {
            byte[] b = new byte[pixels.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pixels, order[i] * stride, b, i * stride, stride);
            }
            return new Rows(n, d, stride, metric, b, null, unit);
        }
        float[] f = new float[floats.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(floats, order[i] * stride, f, i * stride, stride);
        }
        return new Rows(n, d, stride, metric, null, f, unit);
    }

    /** The search distance between rows a and b: smaller is nearer; {@link #reported} gives the metric's value. */
    float distance(int a, int b) {
        if (pixels != null) {
            return metric == Metric.MANHATTAN
                    ? Distance.manhattan(pixels, a * stride, b * stride, stride)
                    : Distance.squared(pixels, a * stride, b * stride, stride);
        }
        return metric == Metric.MANHATTAN
                ? Distance.manhattan(floats, a * stride, b * stride, stride)
                : Distance.squared(floats, a * stride, b * stride, stride);
    }

    /** Row {@code row} as floats (pixels as stored, less 128: every difference is the same), into {@code out[at …]}. */
    void copyRow(int row, float[] out, int at) {
        if (pixels != null) {
            for (int c = 0; c < stride; c++) {
                out[at + c] = pixels[row * stride + c];
            }
        } else {
            System.arraycopy(floats, row * stride, out, at, stride);
        }
    }

    /** The metric's distance for a search distance. */
    float reported(float search) {
        return switch (metric) {
            case EUCLIDEAN -> (float) (Math.sqrt(search) * unit);
            case MANHATTAN -> (float) (search * unit);
            case COSINE, CORRELATION -> Math.max(0f, search / 2);
        };
    }

    /**
     * A hyperplane halfway between two rows, for the random-projection trees (pynndescent's
     * Euclidean split): {@link #margin} is positive on the first row's side. Its buffers are
     * reused from node to node of one tree.
     */
    final class Plane {
        private final float[] normal = pixels == null ? new float[stride] : null;
        private final int[] weights = pixels != null ? new int[stride] : null;
        private double offset;

        /** Makes this the plane between rows a and b. */
        void between(int a, int b) {
            int pa = a * stride;
            int pb = b * stride;
            if (pixels != null) {
                // 2·w·x − (|a|² − |b|²) with w = a − b, in exact integers; the stored bytes are
                // value − 128, and the 128s cancel: 2·w·x' − w·a' − w·b'
                for (int c = 0; c < stride; c++) {
                    weights[c] = pixels[pa + c] - pixels[pb + c];
                }
                offset = -(double) Distance.dot(pixels, pa, weights, stride) - Distance.dot(pixels, pb, weights, stride);
                return;
            }
            double o = 0;
            for (int c = 0; c < stride; c++) {
                float va = floats[pa + c];
                float vb = floats[pb + c];
                normal[c] = va - vb;
                o -= normal[c] * ((double) va + vb) / 2;
            }
            offset = o;
        }

        double margin(int row) {
            if (pixels != null) {
                return 2.0 * Distance.dot(pixels, row * stride, weights, stride) + offset;
            }
            return Distance.dot(floats, row * stride, normal, stride) + offset;
        }
    }
}
