package org.umapanim.umap;

/** Connected components of a symmetric graph, numbered in order of their smallest row. */
final class Components {
    private final int[][] members;

    private Components(int[][] members) {
        this.members = members;
    }

    static Components of(FuzzyGraph g) {
        int n = g.n;
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
                for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                    int j = g.columns[e];
                    if (label[j] < 0) {
                        label[j] = count;
                        stack[top++] = j;
                    }
                }
            }
            count++;
        }
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

    int count() {
        return members.length;
    }

    int[] members(int c) {
        return members[c];
    }
}
