package org.umapanim.knn;

/**
 * A random-projection tree (pynndescent's euclidean variant): each node splits its points by
 * the hyperplane halfway between two random members. The leaves, small groups of mutually
 * close points, seed NN-descent. Stored as a permutation of the rows cut into leaf ranges.
 */
final class RpTree {
    private static final int MAX_DEPTH = 100;

    final int[] order;
    final int[] leafStart; // leaf L is order[leafStart[L] … leafStart[L+1])

    private RpTree(int[] order, int[] leafStart) {
        this.order = order;
        this.leafStart = leafStart;
    }

    /** This tree with row r renamed newIndex[r]. */
    RpTree renumbered(int[] newIndex) {
        int[] renamed = new int[order.length];
        for (int p = 0; p < renamed.length; p++) {
            renamed[p] = newIndex[order[p]];
        }
        return new RpTree(renamed, leafStart);
    }

    int leaves() {
        return leafStart.length - 1;
    }

    static RpTree build(Rows x, int leafSize, Rng rng) {
        int n = x.n;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntList leaves = new IntList();
        Rows.Plane plane = x.new Plane();
        boolean[] left = new boolean[n];
        int[] tmp = new int[n];
        // explicit stack of (from, to, depth), processed depth-first left to right
        int[] stack = new int[3 * (2 * MAX_DEPTH + 4)];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n;
        stack[top++] = 0;
        while (top > 0) {
            int depth = stack[--top];
            int to = stack[--top];
            int from = stack[--top];
            int size = to - from;
            if (size <= leafSize || depth >= MAX_DEPTH) {
                leaves.add(from);
                continue;
            }
            int mid = split(x, order, from, to, plane, left, tmp, rng);
            // push right first so the left half is processed first
            stack[top++] = mid;
            stack[top++] = to;
            stack[top++] = depth + 1;
            stack[top++] = from;
            stack[top++] = mid;
            stack[top++] = depth + 1;
        }
        leaves.add(n);
        // leaves were recorded in processing order, which is left-to-right order of from
        return new RpTree(order, leaves.toArray());
    }

    /**
     * Splits order[from … to) by the hyperplane halfway between two random members, left side
     * first; returns where the right side starts. (A method of its own so the JIT compiles it
     * early: it runs once per node.)
     */
    private static int split(Rows x, int[] order, int from, int to, Rows.Plane plane, boolean[] left, int[] tmp,
                             Rng rng) {
        int size = to - from;
        int ia = rng.nextInt(size);
        int ib = rng.nextInt(size - 1);
        if (ib >= ia) {
            ib++;
        }
        plane.between(order[from + ia], order[from + ib]);
        int leftCount = 0;
        for (int p = from; p < to; p++) {
            double margin = plane.margin(order[p]);
            boolean side = margin > 1e-8 || (!(margin < -1e-8) && (rng.nextLong() & 1) == 0);
            left[p] = side;
            if (side) {
                leftCount++;
            }
        }
        if (leftCount == 0 || leftCount == size) {
            // the hyperplane failed to separate (duplicates): split at random
            leftCount = 0;
            for (int p = from; p < to; p++) {
                left[p] = (rng.nextLong() & 1) == 0;
                if (left[p]) {
                    leftCount++;
                }
            }
            if (leftCount == 0 || leftCount == size) {
                for (int p = from; p < to; p++) {
                    left[p] = p < from + size / 2;
                }
                leftCount = size / 2;
            }
        }
        // stable partition: left side first
        int l = 0;
        int r = leftCount;
        for (int p = from; p < to; p++) {
            if (left[p]) {
                tmp[l++] = order[p];
            } else {
                tmp[r++] = order[p];
            }
        }
        System.arraycopy(tmp, 0, order, from, size);
        return from + leftCount;
    }

    /** A growable int array. */
    static final class IntList {
        private int[] data = new int[64];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
