package org.umapanim.knn;

/**
 * A sparse matrix in compressed form, as scipy and AnnData keep it: by rows (CSR: row i's entries
 * are {@code values[pointers[i] … pointers[i+1]-1]} in columns {@code indices[…]}) or by columns
 * (CSC: the same with rows and columns swapped).
 */
public record CompressedMatrix(int rows, int cols, boolean byRow, long[] pointers, int[] indices, float[] values) {
    public CompressedMatrix {
        int major = byRow ? rows : cols;
        if (pointers.length != major + 1) {
            throw new IllegalArgumentException(pointers.length + " pointers for " + major + (byRow ? " rows" : " columns"));
        }
        if (indices.length != values.length || pointers[major] != values.length || pointers[0] != 0) {
            throw new IllegalArgumentException("pointers end at " + pointers[major] + " but there are "
                    + values.length + " values and " + indices.length + " indices");
        }
    }

    /** Stored entries. */
    public long entries() {
        return values.length;
    }

    /** The dense row-major copy (for matrices narrow enough to hold densely). */
    public float[] dense() {
        float[] out = new float[Math.multiplyExact(rows, cols)];
        int major = byRow ? rows : cols;
        for (int a = 0; a < major; a++) {
            for (long e = pointers[a]; e < pointers[a + 1]; e++) {
                int b = indices[(int) e];
                out[byRow ? a * cols + b : b * cols + a] += values[(int) e];
            }
        }
        return out;
    }
}
