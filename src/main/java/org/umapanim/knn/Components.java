package org.umapanim.knn;

/** Connected components of a graph (its edges taken both ways), numbered in order of their smallest row. */
public final class Components {
    private final int[][] members;

    private Components(int[][] members) {
        this.members = members;
    }

    /** The components of a graph in CSR form: row i's neighbours are {@code columns[rowStart[i] … rowStart[i+1])}. */
    public static Components of(int n, int[] rowStart, int[] columns) {
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        int[] stack = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            label[s] = count;
            while (top > 0) {
                int i = stack[--top];
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    int j = columns[e];
                    if (label[j] < 0) {
                        label[j] = count;
                        stack[top++] = j;
                    }
                }
            }
            count++;
        }
        return fromLabels(label, count);
    }

    /** The components of a neighbour graph: row i's {@code m} neighbours are {@code indices[i*m …]} (−1: none). */
    static Components ofNeighbours(int n, int[] indices, int m) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int other = indices[i * m + j];
                if (other >= 0) {
                    int a = root(parent, i);
                    int b = root(parent, other);
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        int[] label = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            label[i] = r == i ? count++ : label[r];
        }
        return fromLabels(label, count);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static Components fromLabels(int[] label, int count) {
        int n = label.length;
        int[] sizes = new int[count];
        for (int l : label) {
            sizes[l]++;
        }
        int[][] members = new int[count][];
        for (int c = 0; c < count; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < n; i++) {
            members[label[i]][fill[label[i]]++] = i;
        }
        return new Components(members);
    }

    public int count() {
        return members.length;
    }

    public int[] members(int c) {
        return members[c];
    }
}
