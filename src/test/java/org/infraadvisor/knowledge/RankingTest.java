package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An option that costs more and serves less never outranks a better one without a named fit. */
class RankingTest {

    static Accelerator part(String id, String stack) {
        return new Accelerator(id, "V", id, "f", 24, 0.3, 121, 242, 72, false, List.of("on-prem"), stack, 110, 4500,
                List.of(), null, List.of(), List.of("inference"), 8, 1, 1, 1, Map.of(), Map.of(), false, Double.NaN);
    }

    static Candidate candidate(Accelerator a, double costPerHour, double rate) {
        ServingFleet fleet = new ServingFleet(1, 1, 1, 1, 0.1, 0.1, 0.5, 2);
        return new Candidate(a, true, Quote.NONE, new DeviceRates(rate, 10_000), fleet, 0, 0, 0, 0, 2, 2, costPerHour,
                Double.NaN, false);
    }

    final Accelerator l4 = part("l4", "cuda");
    final Accelerator cpu = part("cpu", "cpu");

    @Test
    void aDearerSlowerOptionRanksBelowTheBetterOneDespiteABonus() {
        Option gpu = Option.of(candidate(l4, 0.49, 560), "on-prem", List.of());
        Option slow = Option.of(candidate(cpu, 1.12, 315), "on-prem",
                List.of(new Fit(cpu, 30, "scale", "a large bonus that is not a named fit")));
        double cheapest = Ranking.yardsticks(List.of(gpu, slow)).get("on-prem");
        assertThat(cheapest).isEqualTo(0.49);
        Ranked best = Ranking.score(gpu, cheapest, List.of());
        Ranked capped = Ranking.score(slow, cheapest, List.of(gpu));
        assertThat(best.score()).isEqualTo(80.0);
        assertThat(capped.score()).isLessThan(best.score());
        assertThat(capped.reasons()).contains("costs more and serves less than l4, so ranks below it");
    }

    @Test
    void aNamedFitThatOutweighsTheOthersKeepsItsPlaceAndSaysWhich() {
        Option gpu = Option.of(candidate(l4, 0.49, 560), "on-prem", List.of(new Fit(l4, 10, "software", "broadest ecosystem")));
        Option slow = Option.of(candidate(cpu, 0.60, 315), "on-prem",
                List.of(new Fit(cpu, 15, "software", "models below 1B parameters run on CPUs"), new Fit(cpu, 10, "skills", "no GPU drivers")));
        Ranked kept = Ranking.score(slow, 0.49, List.of(gpu));
        assertThat(kept.score()).isGreaterThan(Ranking.score(gpu, 0.49, List.of()).score());
        assertThat(kept.reasons()).contains("ranks above the cheaper, faster l4 for: models below 1B parameters run on CPUs, no GPU drivers");
        // when the better option carries a named drawback, the reason names that instead
        Option racked = Option.of(candidate(l4, 0.49, 560), "on-prem", List.of(new Fit(l4, -15, "facility", "strains air-cooled racks")));
        Option fine = Option.of(candidate(cpu, 0.60, 315), "on-prem", List.of());
        assertThat(Ranking.score(fine, 0.49, List.of(racked)).reasons())
                .contains("ranks above the cheaper, faster l4, which weighs less here: strains air-cooled racks");
    }

    @Test
    void aRejectedOptionIsNotTheYardstickAndFitsApplyWhereTheyBelong() {
        Option split = Option.of(candidate(l4, 0.20, 560), "on-prem", List.of(new Fit(l4, -45, "scale", "split over 8 cards")));
        Option fine = Option.of(candidate(cpu, 0.60, 315), "on-prem", List.of());
        assertThat(split.isSerious()).isTrue();
        assertThat(Ranking.yardsticks(List.of(split, fine))).containsEntry("on-prem", 0.60);
        assertThat(Ranking.yardsticks(List.of(split))).containsEntry("on-prem", 0.20);
        Option rented = Option.of(candidate(l4, 0.49, 560), "cloud", List.of(new Fit(l4, "on-prem", -15, "facility", "racks")));
        assertThat(rented.fitPoints()).isZero();
    }
}
