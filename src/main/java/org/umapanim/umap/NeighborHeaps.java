package org.umapanim.umap;

/**
 * One bounded max-heap of (distance, index, is-new flag) per row, stored flat: the working
 * structure of both kNN methods (the root is the current worst neighbour, so a candidate is
 * rejected with one comparison).
 */
final class NeighborHeaps {
    final int n;
    final int size;
    final int[] indices;
    final float[] distances;
    final boolean[] isNew;

    NeighborHeaps(int n, int size) {
        this.n = n;
        this.size = size;
        this.indices = new int[n * size];
        this.distances = new float[n * size];
        this.isNew = new boolean[n * size];
        java.util.Arrays.fill(indices, -1);
        java.util.Arrays.fill(distances, Float.POSITIVE_INFINITY);
    }

    float worst(int row) {
        return distances[row * size];
    }

    boolean contains(int row, int index) {
        int base = row * size;
        for (int j = 0; j < size; j++) {
            if (indices[base + j] == index) {
                return true;
            }
        }
        return false;
    }

    /** Pushes without a duplicate check; true if the heap changed. */
    boolean pushUnchecked(int row, float dist, int index, boolean flag) {
        int base = row * size;
        if (!(dist < distances[base])) {
            return false;
        }
        siftDownFromRoot(base, dist, index, flag);
        return true;
    }

    /** Pushes unless {@code index} is already there; true if the heap changed. */
    boolean push(int row, float dist, int index, boolean flag) {
        int base = row * size;
        if (!(dist < distances[base]) || contains(row, index)) {
            return false;
        }
        siftDownFromRoot(base, dist, index, flag);
        return true;
    }

    private void siftDownFromRoot(int base, float dist, int index, boolean flag) {
        int[] idx = indices;
        float[] dd = distances;
        boolean[] fl = isNew;
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                break;
            }
            int right = left + 1;
            int swap;
            if (right >= size || dd[base + left] >= dd[base + right]) {
                swap = left;
            } else {
                swap = right;
            }
            if (dd[base + swap] > dist) {
                dd[base + i] = dd[base + swap];
                idx[base + i] = idx[base + swap];
                fl[base + i] = fl[base + swap];
                i = swap;
            } else {
                break;
            }
        }
        dd[base + i] = dist;
        idx[base + i] = index;
        fl[base + i] = flag;
    }

    /**
     * Turns the heaps into a kNN graph: the row itself first at distance 0, then the heap
     * contents by ascending distance (ties by index), distances square-rooted.
     */
    KnnGraph toGraph() {
        int k = size + 1;
        int[] outIdx = new int[n * k];
        float[] outDist = new float[n * k];
        Integer[] order = new Integer[size];
        for (int row = 0; row < n; row++) {
            int base = row * size;
            for (int j = 0; j < size; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (p, q) -> {
                int c = Float.compare(distances[base + p], distances[base + q]);
                return c != 0 ? c : Integer.compare(indices[base + p], indices[base + q]);
            });
            int out = row * k;
            outIdx[out] = row;
            outDist[out] = 0f;
            for (int j = 0; j < size; j++) {
                outIdx[out + 1 + j] = indices[base + order[j]];
                outDist[out + 1 + j] = (float) Math.sqrt(distances[base + order[j]]);
            }
        }
        return new KnnGraph(n, k, outIdx, outDist);
    }
}
