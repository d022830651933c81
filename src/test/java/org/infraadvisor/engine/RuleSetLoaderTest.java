package org.infraadvisor.engine;

import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.testsupport.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Broken rule and conversation files are reported with file and line; nothing half-loaded comes back. */
class RuleSetLoaderTest {

    @TempDir
    Path tmp;

    Path rules;
    Path conversations;

    void copyShipped() throws IOException {
        rules = Folders.copy(Path.of("rules"), tmp.resolve("rules"));
        conversations = Folders.copy(Path.of("conversations"), tmp.resolve("conversations"));
    }

    @Test
    void shippedFilesLoad() {
        RuleSet ruleSet = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"));
        assertThat(ruleSet.flows()).containsKey("infra-strategy");
        assertThat(ruleSet.rules()).isNotEmpty();
        assertThat(ruleSet.version()).hasSize(12);
        assertThat(ruleSet.rules().values()).allSatisfy(r -> assertThat(r.description())
                .as("rule '%s' needs @description", r.name()).isNotBlank());
    }

    @Test
    void brokenDrlIsReportedWithFileAndLine() throws IOException {
        copyShipped();
        Files.writeString(rules.resolve("strategy/broken.drl"), """
                package rules.strategy;
                import org.infraadvisor.facts.Answer;

                rule "Broken"
                    @description("broken on purpose")
                when
                    Answer(question == "workload" value == )
                then
                end
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> RuleSetLoader.load(rules, conversations));
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/strategy/broken.drl"));
        assertThat(e.problems()).extracting(DefinitionProblem::line).contains(7);
        assertThat(e.getMessage()).contains("rules/strategy/broken.drl:7");
    }

    @Test
    void unknownFactFieldIsReportedWithFileAndLine() throws IOException {
        copyShipped();
        Files.writeString(rules.resolve("strategy/typo.drl"), """
                package rules.strategy;
                import org.infraadvisor.facts.Answer;

                rule "Typo"
                    @description("field typo")
                when
                    Answer(questoin == "workload")
                then
                end
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> RuleSetLoader.load(rules, conversations));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/strategy/typo.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("questoin");
        });
    }

    @Test
    void brokenYamlIsReportedWithFileAndLine() throws IOException {
        copyShipped();
        Files.writeString(conversations.resolve("broken.yaml"), """
                id: broken
                title: Broken
                questions:
                  - id: first
                    text: A question
                    type: choice
                    options:
                      - { value: a, label: A }
                  - id: second
                    text: [unclosed
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> RuleSetLoader.load(rules, conversations));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("conversations/broken.yaml");
            assertThat(p.line()).isGreaterThanOrEqualTo(10);
            assertThat(p.message()).startsWith("YAML syntax");
        });
    }

    @Test
    void invalidQuestionDefinitionsAreAllReported() throws IOException {
        copyShipped();
        Files.writeString(conversations.resolve("invalid.yaml"), """
                id: invalid
                title: Invalid
                questions:
                  - id: size
                    text: How big?
                    type: number
                    min: 10
                    max: 1
                  - id: colour
                    text: Which colour?
                    type: colour
                  - id: later
                    text: Later
                    type: choice
                    options:
                      - { value: a, label: A }
                    askIf:
                      nosuch: [x]
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> RuleSetLoader.load(rules, conversations));
        assertThat(e.problems()).extracting(DefinitionProblem::line).containsExactlyInAnyOrder(7, 11, 18);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("conversations/invalid.yaml"));
    }

    @Test
    void catalogueMistakesAreReportedWithFileAndLine() throws IOException {
        copyShipped();
        Files.writeString(rules.resolve("catalogue/accelerators.yaml"), """
                accelerators:
                  - id: good
                    vendor: V
                    model: Good
                    memoryGb: 80
                    softwareStack: cuda
                    availability: [on-prem]
                  - id: bad
                    vendor: V
                    model: Bad
                    memoryGb: lots
                    softwareStack: opencl
                    availability: [moon]
                    roles: [painting]
                    unconfirmed: [memoryGB]
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> RuleSetLoader.load(rules, conversations));
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/catalogue/accelerators.yaml");
            assertThat(p.line()).isEqualTo(8);
        });
        assertThat(e.problems()).extracting(DefinitionProblem::message)
                .anySatisfy(m -> assertThat(m).contains("'memoryGb' must be a number"))
                .anySatisfy(m -> assertThat(m).contains("'opencl' is not a valid softwareStack"))
                .anySatisfy(m -> assertThat(m).contains("'moon' is not a valid availability"))
                .anySatisfy(m -> assertThat(m).contains("unknown role 'painting'"))
                .anySatisfy(m -> assertThat(m).contains("'memoryGB' is not a valid unconfirmed"));
    }
}
