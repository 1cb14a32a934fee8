package org.sparsepocket.lab.cv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family-disjoint K-fold split: complexes joined by any pair of same-family chains (single linkage,
 * transitively) form one family, and whole families are dealt to folds, largest first, each to the fold that
 * holds the fewest complexes so far (ties: the lowest fold number). Deterministic for the same input order.
 */
public final class FoldSplit {

    private FoldSplit() {
    }

    /**
     * Families of complexes.
     *
     * @param complexChains per complex (in order), the indices of its chains in the sequence list
     * @param links         same-family chain pairs
     * @return per complex, its family number (families numbered by their first complex)
     */
    static int[] families(List<int[]> complexChains, List<FamilyLinks.Link> links) {
        int chains = complexChains.stream().mapToInt(c -> c.length).sum();
        int[] complexOfChain = new int[chains];
        for (int c = 0; c < complexChains.size(); c++) {
            for (int s : complexChains.get(c)) {
                complexOfChain[s] = c;
            }
        }
        UnionFind uf = new UnionFind(complexChains.size());
        for (FamilyLinks.Link l : links) {
            uf.union(complexOfChain[l.a()], complexOfChain[l.b()]);
        }
        Map<Integer, Integer> number = new LinkedHashMap<>();
        int[] family = new int[complexChains.size()];
        for (int c = 0; c < family.length; c++) {
            family[c] = number.computeIfAbsent(uf.find(c), r -> number.size());
        }
        return family;
    }

    /** Deals families to {@code k} folds; returns the fold of every complex. */
    public static int[] deal(int[] family, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("at least 2 folds, not " + k);
        }
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int c = 0; c < family.length; c++) {
            members.computeIfAbsent(family[c], f -> new ArrayList<>()).add(c);
        }
        List<List<Integer>> bySize = new ArrayList<>(members.values());
        bySize.sort(Comparator.comparingInt((List<Integer> m) -> -m.size()).thenComparingInt(m -> m.get(0)));
        int[] load = new int[k];
        int[] fold = new int[family.length];
        for (List<Integer> m : bySize) {
            int target = 0;
            for (int f = 1; f < k; f++) {
                if (load[f] < load[target]) {
                    target = f;
                }
            }
            for (int c : m) {
                fold[c] = target;
            }
            load[target] += m.size();
        }
        return fold;
    }

    /** Disjoint sets with path halving. */
    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a), rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
