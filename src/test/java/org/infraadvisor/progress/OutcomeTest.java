package org.infraadvisor.progress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a change of the preview, biggest first. */
class OutcomeTest {

    static Outcome outcome(String strategy, String model, String family, int count) {
        return new Outcome(strategy, 0.5, model == null ? null : new Outcome.Pick("V", model, family, count));
    }

    final Outcome preview = outcome("cloud-first", "H100", "hopper", 8);

    @Test
    void aDifferentStrategyIsTheBiggestChange() {
        assertThat(preview.changeTo(outcome("on-prem", "MI300X", "cdna3", 2))).isEqualTo(Change.STRATEGY);
        assertThat(preview.changeTo(outcome(null, "H100", "hopper", 8))).isEqualTo(Change.STRATEGY);
    }

    @Test
    void thenAnotherAcceleratorFamily() {
        assertThat(preview.changeTo(outcome("cloud-first", "MI300X", "cdna3", 8))).isEqualTo(Change.ACCELERATOR);
        assertThat(preview.changeTo(outcome("cloud-first", null, null, 0))).isEqualTo(Change.ACCELERATOR);
    }

    @Test
    void thenACountThatMovesByMoreThanAQuarter() {
        assertThat(preview.changeTo(outcome("cloud-first", "H200", "hopper", 11))).isEqualTo(Change.COUNT);
        assertThat(preview.changeTo(outcome("cloud-first", "H100", "hopper", 5))).isEqualTo(Change.COUNT);
        assertThat(preview.changeTo(outcome("cloud-first", "H100", "hopper", 10))).as("+25 % is not more than a quarter")
                .isEqualTo(Change.NONE);
    }

    @Test
    void thenAnotherPartOfTheSameFamily() {
        assertThat(preview.changeTo(outcome("cloud-first", "H200", "hopper", 7))).isEqualTo(Change.PART);
        assertThat(preview.changeTo(outcome("cloud-first", "H100", "hopper", 8))).isEqualTo(Change.NONE);
    }

    @Test
    void theHeadlineIsTheStrategyAndThePart() {
        assertThat(preview.sameHeadline(outcome("cloud-first", "H100", "hopper", 16))).isTrue();
        assertThat(preview.sameHeadline(outcome("cloud-first", "H200", "hopper", 8))).isFalse();
        assertThat(preview.sameHeadline(outcome("hybrid", "H100", "hopper", 8))).isFalse();
    }

    @Test
    void eachKindOfChangeCountsHalfAsMuchAsTheOneBefore() {
        assertThat(Change.STRATEGY.weight()).isEqualTo(2 * Change.ACCELERATOR.weight());
        assertThat(Change.ACCELERATOR.weight()).isEqualTo(2 * Change.COUNT.weight());
        assertThat(Change.COUNT.weight()).isEqualTo(2 * Change.PART.weight());
        assertThat(Change.NONE.weight()).isZero();
    }
}
