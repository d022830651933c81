package org.infraadvisor.engine;

import org.infraadvisor.authoring.Verifier;
import org.infraadvisor.authoring.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Stable rule ids: {@code @id} when given, otherwise the file's name and a slug of the rule's name; verify finds two alike. */
class RuleIdsTest {

    @TempDir
    Path tmp;

    @Test
    void anIdIsTheFileAndASlugOfTheNameUnlessTheRuleNamesOne() {
        assertThat(RuleIds.of(null, "Add up the strategy votes", "rules/strategy/choose-strategy.drl"))
                .isEqualTo("choose-strategy.add-up-the-strategy-votes");
        assertThat(RuleIds.of(null, "Gaudi's roadmap — a vendor-continuity risk (†)", "rules/risks/accelerator-risks.drl"))
                .isEqualTo("accelerator-risks.gaudi-s-roadmap-a-vendor-continuity-risk");
        assertThat(RuleIds.of(null, "Données à garder sur site", null)).isEqualTo("rules.donnees-a-garder-sur-site");
        assertThat(RuleIds.of(" strategy.residency ", "Any name", "rules/x.drl")).isEqualTo("strategy.residency");
    }

    /** A rules folder with the shipped catalogue and phases (the shipped flow quotes the catalogue) and no rule. */
    Path rulesFolder() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules/catalogue"));
        for (String file : new String[]{"catalogue/accelerators.yaml", "catalogue/assumptions.yaml", "phases.yaml"}) {
            if (Files.exists(Path.of("rules", file))) {
                Files.copy(Path.of("rules", file), tmp.resolve("rules").resolve(file));
            }
        }
        return rules.getParent();
    }

    @Test
    void theRuleSetGivesEachRuleItsIdAndKnowsWhichRulesTallyVotes() throws IOException {
        Path rules = Files.createDirectories(rulesFolder().resolve("strategy"));
        Files.writeString(rules.resolve("tally.drl"), """
                package rules;
                import org.infraadvisor.facts.StrategyVote;
                import org.infraadvisor.facts.StrategyChoice;

                rule "Add up the votes"
                    @description("sums the votes")
                when
                    accumulate( StrategyVote(strategy == "on-prem", $w : weight); $total : sum($w) )
                then
                    insert(new StrategyChoice("on-prem", 0.5, "summed"));
                end

                rule "A renamed rule keeps its id"
                    @id("strategy.kept")
                    @description("named")
                when
                    StrategyChoice()
                then
                end
                """);
        RuleSet ruleSet = RuleSetLoader.load(tmp.resolve("rules"), Path.of("conversations"));
        assertThat(ruleSet.rules().get("Add up the votes")).satisfies(r -> {
            assertThat(r.id()).isEqualTo("tally.add-up-the-votes");
            assertThat(r.talliesVotes()).isTrue();
        });
        assertThat(ruleSet.rules().get("A renamed rule keeps its id")).satisfies(r -> {
            assertThat(r.id()).isEqualTo("strategy.kept");
            assertThat(r.talliesVotes()).isFalse();
        });
    }

    @Test
    void twoRulesWithOneIdAreAVerifyProblemNamingBoth() throws IOException {
        Path root = rulesFolder();
        for (String folder : new String[]{"a", "b"}) {
            Path dir = Files.createDirectories(root.resolve(folder));
            Files.writeString(dir.resolve("same.drl"), """
                    package rules.%s;
                    import org.infraadvisor.facts.Answer;

                    rule "Same name"
                        @description("clash")
                    when
                        Answer(question == "workload")
                    then
                    end
                    """.formatted(folder));
        }
        VerifyReport report = new Verifier(new AdvisorEngine(10_000))
                .verify(root, Path.of("conversations"), new Verifier.Options(false, 0, 1)).report();
        assertThat(report.clean()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/b/same.drl");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("\"same.same-name\"", "rules/a/same.drl:4", "@id");
        });
    }
}
