package org.infraadvisor.authoring;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CombinationsTest {

    @Test
    void allEnumeratesTheWholeProduct() {
        int[] sizes = {3, 1, 4, 2};
        List<int[]> rows = Combinations.all(sizes);
        assertThat(rows).hasSize(24);
        Set<String> distinct = new HashSet<>();
        rows.forEach(r -> distinct.add(java.util.Arrays.toString(r)));
        assertThat(distinct).hasSize(24);
    }

    @Test
    void pairwiseCoversEveryPairWithFarFewerRows() {
        int[] sizes = {7, 4, 5, 5, 5, 4, 7, 6, 5, 4, 4, 5, 7, 3};
        List<int[]> rows = Combinations.pairwise(sizes, new Random(1));
        for (int i = 0; i < sizes.length; i++) {
            for (int j = i + 1; j < sizes.length; j++) {
                for (int a = 0; a < sizes[i]; a++) {
                    for (int b = 0; b < sizes[j]; b++) {
                        int fi = i, fj = j, fa = a, fb = b;
                        assertThat(rows).as("pair %d=%d, %d=%d", i, a, j, b).anyMatch(r -> r[fi] == fa && r[fj] == fb);
                    }
                }
            }
        }
        assertThat(rows.size()).isLessThan(120);
        assertThat(Combinations.size(sizes)).isGreaterThan(1e9);
    }
}
