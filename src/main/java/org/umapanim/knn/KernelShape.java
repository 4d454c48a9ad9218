package org.umapanim.knn;

/**
 * The shape both implementations of {@link Distance}'s kernels share, so they give the same bits:
 * how many lanes a float sum runs in, how rows are padded, the size of a distance tile.
 */
final class KernelShape {
    /** Float sums run in this many lanes: 256-bit vectors, which every x86-64 CPU of the last decade has. */
    static final int FLOAT_LANES = 8;
    /** Byte rows are padded to this many bytes (one 128-bit load widened to 16 ints). */
    static final int BYTE_BLOCK = 16;
    /** Rows and columns of one {@link Distance#distanceTile}. */
    static final int TILE_ROWS = 8;
    static final int TILE_COLUMNS = 16;

    private KernelShape() {}
}
