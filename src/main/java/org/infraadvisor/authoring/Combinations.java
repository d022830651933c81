package org.infraadvisor.authoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Rows of value indexes over dimensions of given sizes: all of them, a pairwise covering set (every pair of
 * values of every two dimensions appears in some row; greedy, AETG-style), or random rows.
 */
final class Combinations {

    private static final int CANDIDATES = 20;

    private Combinations() {
    }

    static double size(int[] sizes) {
        double n = 1;
        for (int s : sizes) {
            n *= s;
        }
        return n;
    }

    static List<int[]> all(int[] sizes) {
        List<int[]> rows = new ArrayList<>();
        int[] row = new int[sizes.length];
        while (true) {
            rows.add(row.clone());
            int i = sizes.length - 1;
            while (i >= 0 && ++row[i] == sizes[i]) {
                row[i] = 0;
                i--;
            }
            if (i < 0) {
                return rows;
            }
        }
    }

    static int[] random(int[] sizes, Random random) {
        int[] row = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            row[i] = random.nextInt(sizes[i]);
        }
        return row;
    }

    static List<int[]> pairwise(int[] sizes, Random random) {
        int k = sizes.length;
        if (k < 2) {
            return all(sizes);
        }
        Set<Long> uncovered = new LinkedHashSet<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                for (int a = 0; a < sizes[i]; a++) {
                    for (int b = 0; b < sizes[j]; b++) {
                        uncovered.add(pair(i, a, j, b));
                    }
                }
            }
        }
        List<int[]> rows = new ArrayList<>();
        while (!uncovered.isEmpty()) {
            long seed = uncovered.iterator().next();
            int[] best = null;
            int bestGain = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                int[] row = candidate(sizes, seed, uncovered, random);
                int gain = gain(row, uncovered);
                if (gain > bestGain) {
                    best = row;
                    bestGain = gain;
                }
            }
            rows.add(best);
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    uncovered.remove(pair(i, best[i], j, best[j]));
                }
            }
        }
        return rows;
    }

    /** A row that covers the seed pair, each other dimension set to the value covering most uncovered pairs so far. */
    private static int[] candidate(int[] sizes, long seed, Set<Long> uncovered, Random random) {
        int k = sizes.length;
        int[] row = new int[k];
        java.util.Arrays.fill(row, -1);
        int i0 = (int) (seed >>> 48), a0 = (int) (seed >>> 32) & 0xFFFF, j0 = (int) (seed >>> 16) & 0xFFFF, b0 = (int) seed & 0xFFFF;
        row[i0] = a0;
        row[j0] = b0;
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            if (row[p] < 0) {
                order.add(p);
            }
        }
        java.util.Collections.shuffle(order, random);
        for (int p : order) {
            int bestValue = random.nextInt(sizes[p]);
            int bestCount = -1;
            int start = random.nextInt(sizes[p]);
            for (int n = 0; n < sizes[p]; n++) {
                int v = (start + n) % sizes[p];
                int count = 0;
                for (int q = 0; q < k; q++) {
                    if (q != p && row[q] >= 0 && uncovered.contains(q < p ? pair(q, row[q], p, v) : pair(p, v, q, row[q]))) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    bestCount = count;
                    bestValue = v;
                }
            }
            row[p] = bestValue;
        }
        return row;
    }

    private static int gain(int[] row, Set<Long> uncovered) {
        int n = 0;
        for (int i = 0; i < row.length; i++) {
            for (int j = i + 1; j < row.length; j++) {
                if (uncovered.contains(pair(i, row[i], j, row[j]))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long pair(int i, int a, int j, int b) {
        return (long) i << 48 | (long) a << 32 | (long) j << 16 | b;
    }
}
