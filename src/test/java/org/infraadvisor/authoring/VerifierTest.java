package org.infraadvisor.authoring;

import ch.qos.logback.classic.Level;
import org.infraadvisor.authoring.VerifyReport.Finding;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.testsupport.Folders;
import org.infraadvisor.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** verify names each kind of defect a rule author can make, with file and line. */
class VerifierTest {

    static final Path FIXTURES = Path.of("src/test/resources/verify-fixtures");

    @TempDir
    Path tmp;

    final Verifier verifier = new Verifier(new AdvisorEngine(10_000));

    /** The base fixture with one defect copied over it. */
    VerifyReport verifyFixture(String defect) throws IOException {
        Folders.copy(FIXTURES.resolve("base"), tmp);
        if (defect != null) {
            Folders.copy(FIXTURES.resolve(defect), tmp);
        }
        return verifier.verify(tmp.resolve("rules"), tmp.resolve("conversations"), Verifier.Options.FULL).report();
    }

    static List<Finding> findings(VerifyReport report, String kind) {
        return report.findings().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    @Test
    void shippedFoldersAreClean() {
        VerifyReport report = verifier.verify(Path.of("rules"), Path.of("conversations"), new Verifier.Options(true, 300, 42)).report();
        assertThat(report.problems()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.scenarios().failed()).isZero();
        assertThat(report.clean()).isTrue();
    }

    @Test
    void baseFixtureIsClean() throws IOException {
        VerifyReport report = verifyFixture(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.scenarios().passed()).isEqualTo(3);
        assertThat(report.coverage().notFired()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.exploration()).singleElement().satisfies(e -> {
            assertThat(e.flow()).isEqualTo("mini");
            assertThat(e.mode()).isEqualTo("exhaustive");
            assertThat(e.questions()).containsExactly("load", "size", "residency");
            assertThat(e.evaluated()).isGreaterThan(10);
        });
    }

    @Test
    void syntaxErrorIsNamedWithFileLineAndColumnOnce() throws IOException {
        VerifyReport report;
        try (LogCapture log = new LogCapture()) {
            report = verifyFixture("syntax-error");
            assertThat(log.events()).as("no follow-on errors logged beside the report")
                    .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        }
        assertThat(report.clean()).isFalse();
        assertThat(report.version()).isNull();
        // `    Answer(question == "load" value == )`: the comma is missing before `value`, column 31
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/strategy/broken.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(31);
            assertThat(p.message()).contains("mismatched input 'value'").doesNotContain("Line 8:30");
        });
        assertThat(ReportText.render(report)).contains("rules/strategy/broken.drl:8:31: ").contains("NOT CLEAN");
    }

    @Test
    void unknownFactFieldIsNamedWithFileLineAndColumn() throws IOException {
        VerifyReport report;
        try (LogCapture log = new LogCapture()) {
            report = verifyFixture("unknown-field");
            assertThat(log.events()).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        }
        assertThat(report.clean()).isFalse();
        // `    Answer(question == "load", valeu == "steady")`: Drools says "Column: 4" (within the expression)
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/strategy/typo.drl");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isEqualTo(32);
            assertThat(p.message()).contains("valeu").doesNotContain("Column: 4").doesNotContain("\n");
        });
    }

    @Test
    void unknownTypeAndConsequenceErrorsPointAtTheName() throws IOException {
        Folders.copy(FIXTURES.resolve("base"), tmp);
        Path drl = tmp.resolve("rules/strategy/mini.drl");
        List<String> lines = Files.readAllLines(drl);
        int when = lines.indexOf("    Answer(question == \"load\", value == \"steady\")");
        lines.set(when, "    Answr(question == \"load\", value == \"steady\")");
        Files.write(drl, lines);
        VerifyReport report = verifier.verify(tmp.resolve("rules"), tmp.resolve("conversations"), Verifier.Options.FULL).report();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(when + 1);
            assertThat(p.column()).isEqualTo(5);
        });

        lines.set(when, "    Answer(question == \"load\", value == \"steady\")");
        int then = lines.indexOf("    insert(new StrategyVote(\"on-prem\", 2, \"steady load\"));");
        lines.set(then, "    insert(new StrategyVot(\"on-prem\", 2, \"steady load\"));");
        Files.write(drl, lines);
        report = verifier.verify(tmp.resolve("rules"), tmp.resolve("conversations"), Verifier.Options.FULL).report();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("StrategyVot");
            assertThat(p.line()).as("the consequence's line, not the rule's first").isEqualTo(then + 1);
            assertThat(p.column()).isEqualTo(16);
        });
    }

    @Test
    void unreachableRuleIsNamed() throws IOException {
        VerifyReport report = verifyFixture("unreachable-rule");
        assertThat(report.clean()).isFalse();
        assertThat(report.problems()).isEmpty();
        assertThat(findings(report, VerifyReport.UNREACHABLE_RULE)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("Steady and bursty at once");
            assertThat(f.file()).isEqualTo("rules/strategy/unreachable.drl");
            assertThat(f.line()).isEqualTo(6);
        });
        // both values are offered, so only the exploration can tell
        assertThat(findings(report, VerifyReport.UNOFFERED_VALUE)).isEmpty();
    }

    @Test
    void unusedQuestionIsNamed() throws IOException {
        VerifyReport report = verifyFixture("unused-question");
        assertThat(report.clean()).isFalse();
        assertThat(findings(report, VerifyReport.UNUSED_QUESTION)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("team_size");
            assertThat(f.file()).isEqualTo("conversations/mini.yaml");
            assertThat(f.line()).isEqualTo(28);
            assertThat(f.message()).contains("no rule reads");
        });
    }

    @Test
    void contradictingRulePairIsNamedWithACounterExample() throws IOException {
        VerifyReport report = verifyFixture("contradicting-pair");
        assertThat(report.clean()).isFalse();
        assertThat(findings(report, VerifyReport.CONTRADICTING_STRATEGIES)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("cloud-first vs on-prem");
            assertThat(f.message()).contains("\"Steady load means on-prem\" rules/strategy/contradiction.drl:6")
                    .contains("\"Small models mean the cloud\" rules/strategy/contradiction.drl:14");
            assertThat(f.example()).containsEntry("load", "steady");
            assertThat(((Number) f.example().get("size")).doubleValue()).isLessThan(10);
        });
    }

    @Test
    void failingScenarioIsNamedWithTheDifference() throws IOException {
        Folders.copy(FIXTURES.resolve("base"), tmp);
        Files.writeString(tmp.resolve("rules/scenarios/04-wrong.yaml"), """
                name: A wrong expectation
                flow: mini
                answers:
                  load: bursty
                expect:
                  strategy: on-prem
                """);
        VerifyReport report = verifier.verify(tmp.resolve("rules"), tmp.resolve("conversations"), Verifier.Options.FULL).report();
        assertThat(report.clean()).isFalse();
        assertThat(report.servable()).isFalse();
        assertThat(report.scenarios().failed()).isEqualTo(1);
        assertThat(report.scenarios().results()).filteredOn(r -> !r.passed()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("A wrong expectation");
            assertThat(r.file()).startsWith("rules/scenarios/04-wrong.yaml");
            assertThat(r.differences()).anySatisfy(d -> assertThat(d).contains("on-prem").contains("cloud-first"));
        });
        assertThat(ReportText.render(report)).contains("FAILED A wrong expectation");
    }

    @Test
    void valueTheQuestionDoesNotOfferIsNamed() throws IOException {
        VerifyReport report = verifyFixture("unoffered-value");
        assertThat(findings(report, VerifyReport.UNOFFERED_VALUE)).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("rules/strategy/unoffered.drl");
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.message()).contains("'constant'").contains("[steady, bursty]");
        });
        assertThat(findings(report, VerifyReport.UNREACHABLE_RULE)).extracting(Finding::subject)
                .containsExactly("Constant load favours on-prem");
    }

    @Test
    void valuesNoOneDeclaredAreProblemsNamingFileLineAndValue() throws IOException {
        VerifyReport report = verifyFixture("undeclared-values");
        assertThat(report.clean()).isFalse();
        assertThat(report.servable()).as("a reload is refused too").isFalse();
        String file = "rules/strategy/typos.drl";
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(15);
            assertThat(p.message()).contains("StrategyVote").contains("'cloud-frist'").contains("cloud-first, hybrid, on-prem");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.message()).contains("StrategyChoice.strategy").contains("'on-premise'");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(24);
            assertThat(p.message()).contains("risk severity 'urgent'").contains("high, low, medium");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(25);
            assertThat(p.message()).contains("readiness status 'almost'");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(31);
            assertThat(p.message()).contains("phase 'votes'").contains("would never fire");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(38);
            assertThat(p.message()).contains("@id(\"typos.phase\")").contains(file + ":28");
        });
        assertThat(ReportText.render(report)).contains(file + ":15:").contains("NOT CLEAN");
    }

    @Test
    void aRuleWithoutAnIdIsAFinding() throws IOException {
        Folders.copy(FIXTURES.resolve("base"), tmp);
        Path drl = tmp.resolve("rules/strategy/mini.drl");
        Files.writeString(drl, Files.readString(drl).replace("    @id(\"base.bursty-load-favours-the-cloud\")\n", ""));
        VerifyReport report = verifier.verify(tmp.resolve("rules"), tmp.resolve("conversations"), Verifier.Options.FOR_RELOAD).report();
        assertThat(report.servable()).isTrue();
        assertThat(report.clean()).isFalse();
        assertThat(findings(report, VerifyReport.RULE_WITHOUT_ID)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("Bursty load favours the cloud");
            assertThat(f.file()).isEqualTo("rules/strategy/mini.drl");
        });
    }

    @Test
    void phasesAreDeclaredInOrderAndARuleWithoutOneIsNamed() throws IOException {
        Folders.copy(FIXTURES.resolve("base"), tmp);
        Files.writeString(tmp.resolve("rules/phases.yaml"), "phases:\n  - votes\n  - decision\n");
        VerifyReport report = verifier.verify(tmp.resolve("rules"), tmp.resolve("conversations"), Verifier.Options.FOR_RELOAD).report();
        assertThat(report.servable()).as("a rule without a phase still runs, after all phases").isTrue();
        assertThat(findings(report, VerifyReport.RULE_WITHOUT_PHASE)).hasSize(6)
                .allSatisfy(f -> assertThat(f.message()).contains("has no phase").contains("[votes, decision]"));
    }
}
