package org.umapanim.umap;

/**
 * The input rows as the kNN search reads them. Pixel data (every value an integer in 0…255)
 * gets a compact exact form: the rows as bytes plus, per row, its non-zero entries and its
 * squared norm, so |a − b|² = |a|² + |b|² − 2·a·b with the dot product taken over the sparser
 * row's non-zeros only, in exact integer arithmetic. MNIST is 80 % zeros and the search is
 * bound by memory traffic, so this is several times faster than the dense float loop, with
 * identical distances. Other data uses the dense float loop.
 */
final class Rows {
    final int n;
    final int d;
    private final float[] floats;
    private final byte[] bytes;
    private final int[] start;   // row i's non-zeros are packed[start[i] … start[i+1])
    private final int[] packed;  // column << 8 | value
    private final int[] norms;   // Σ value²

    private Rows(int n, int d, float[] floats, byte[] bytes, int[] start, int[] packed, int[] norms) {
        this.n = n;
        this.d = d;
        this.floats = floats;
        this.bytes = bytes;
        this.start = start;
        this.packed = packed;
        this.norms = norms;
    }

    static Rows of(float[] values, int n, int d, Workers workers) {
        int[] start = new int[n + 1];
        workers.forBlocks(n, 512, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                start[i + 1] = pixelNonZeros(values, i * d, d);
            }
        });
        for (int i = 0; i < n; i++) {
            if (start[i + 1] < 0) {
                return new Rows(n, d, values, null, null, null, null);
            }
            start[i + 1] += start[i];
        }
        byte[] b = new byte[values.length];
        int[] packed = new int[start[n]];
        int[] norms = new int[n];
        workers.forBlocks(n, 512, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                packRow(values, i, d, b, packed, start[i], norms);
            }
        });
        return new Rows(n, d, null, b, start, packed, norms);
    }

    /** Non-zeros among values[from … from+d), or −1 if one is not an integer in 0…255. */
    private static int pixelNonZeros(float[] values, int from, int d) {
        int count = 0;
        for (int c = from; c < from + d; c++) {
            float v = values[c];
            if (!(v >= 0f && v <= 255f && v == (int) v)) {
                return -1;
            }
            if (v != 0f) {
                count++;
            }
        }
        return count;
    }

    /** Stores row i as bytes and packed non-zeros from position z. */
    private static void packRow(float[] values, int i, int d, byte[] b, int[] packed, int z, int[] norms) {
        int norm = 0;
        for (int c = 0; c < d; c++) {
            int v = (int) values[i * d + c];
            b[i * d + c] = (byte) v;
            if (v != 0) {
                packed[z++] = c << 8 | v;
                norm += v * v;
            }
        }
        norms[i] = norm;
    }

    /** The same rows in the order {@code order[0], order[1], …}. */
    Rows reorder(int[] order) {
        if (bytes == null) {
            float[] f = new float[n * d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(floats, order[i] * d, f, i * d, d);
            }
            return new Rows(n, d, f, null, null, null, null);
        }
        byte[] b = new byte[n * d];
        int[] st = new int[n + 1];
        int[] pk = new int[packed.length];
        int[] nm = new int[n];
        int z = 0;
        for (int i = 0; i < n; i++) {
            int src = order[i];
            System.arraycopy(bytes, src * d, b, i * d, d);
            st[i] = z;
            int len = start[src + 1] - start[src];
            System.arraycopy(packed, start[src], pk, z, len);
            z += len;
            nm[i] = norms[src];
        }
        st[n] = z;
        return new Rows(n, d, null, b, st, pk, nm);
    }

    float value(int row, int c) {
        return bytes != null ? bytes[row * d + c] & 0xFF : floats[row * d + c];
    }

    /** |x_a − x_b|². */
    float squared(int a, int b) {
        if (bytes == null) {
            return Distance.squared(floats, a, b, d);
        }
        if (start[a + 1] - start[a] > start[b + 1] - start[b]) {
            int t = a;
            a = b;
            b = t;
        }
        byte[] x = bytes;
        int[] p = packed;
        int pb = b * d;
        int dot = 0;
        for (int z = start[a], end = start[a + 1]; z < end; z++) {
            int e = p[z];
            dot += (e & 0xFF) * (x[pb + (e >>> 8)] & 0xFF);
        }
        return norms[a] + norms[b] - 2 * dot;
    }

    /** offset + normal · x_row: the RP-tree margin. */
    double margin(int row, double offset, float[] normal) {
        double m = offset;
        if (bytes != null) {
            int[] p = packed;
            for (int z = start[row], end = start[row + 1]; z < end; z++) {
                int e = p[z];
                m += normal[e >>> 8] * (e & 0xFF);
            }
        } else {
            int base = row * d;
            for (int c = 0; c < d; c++) {
                m += normal[c] * floats[base + c];
            }
        }
        return m;
    }
}
