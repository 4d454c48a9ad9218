package org.umapanim.knn;

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
     * contents by ascending distance (ties by index), as the metric's distances. Heap row r and
     * index j stand for input rows {@code original[r]} and {@code original[j]} (null: themselves).
     */
    KnnGraph toGraph(int[] original, Rows rows, int k) {
        int[] outIdx = new int[n * k];
        float[] outDist = new float[n * k];
        int[] idx = new int[size];
        float[] dist = new float[size];
        for (int row = 0; row < n; row++) {
            int base = row * size;
            for (int j = 0; j < size; j++) {
                int v = indices[base + j];
                idx[j] = original == null || v < 0 ? v : original[v];
                dist[j] = distances[base + j];
            }
            // insertion sort by (distance, index): the heaps are small
            for (int a = 1; a < size; a++) {
                int vi = idx[a];
                float vd = dist[a];
                int b = a - 1;
                while (b >= 0 && (dist[b] > vd || (dist[b] == vd && idx[b] > vi))) {
                    idx[b + 1] = idx[b];
                    dist[b + 1] = dist[b];
                    b--;
                }
                idx[b + 1] = vi;
                dist[b + 1] = vd;
            }
            int self = original == null ? row : original[row];
            int out = self * k;
            outIdx[out] = self;
            outDist[out] = 0f;
            for (int j = 0; j < k - 1; j++) {
                outIdx[out + 1 + j] = idx[j];
                outDist[out + 1 + j] = rows.reported(dist[j]);
            }
        }
        return new KnnGraph(n, k, outIdx, outDist);
    }
}
