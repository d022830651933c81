package org.infraadvisor.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The H2 commit harness plays its turns and reports a figure for each round (not judged here). */
class H2CommitCostSmokeTest {

    @Test
    void turnsAreCommittedAndMeasured(@TempDir Path dir) throws Exception {
        List<H2CommitCost.Round> rounds = H2CommitCost.run(dir, 5, 2, false, "", 0, 0);

        assertThat(rounds).hasSize(2).allSatisfy(r -> {
            assertThat(r.commits()).isEqualTo(5 + 5 * 16);
            assertThat(r.cpuMicrosPerCommit()).isPositive();
            assertThat(r.kbWrittenPerCommit()).isPositive();
            assertThat(r.fileBytes()).isPositive();
            assertThat(r.chunks()).isPositive();
        });
    }
}
