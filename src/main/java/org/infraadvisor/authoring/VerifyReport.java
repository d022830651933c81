package org.infraadvisor.authoring;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;
import org.infraadvisor.dialogue.DefinitionProblem;

import java.util.List;
import java.util.Map;

/**
 * What {@code verify} found, in the same shape for the command line ({@code --json}), the refused-reload
 * response and {@code GET /admin/rules}.
 *
 * @param problems    files that do not compile or parse, with file, line and message
 * @param scenarios   the scenario suite's results; null when the rules did not compile
 * @param coverage    which rules the scenarios fire; null when the rules did not compile
 * @param findings    cross-checks between dialogue and rules, each naming file and line
 * @param exploration how the answer space was explored per flow; empty when exploration was skipped
 */
@Serdeable
public record VerifyReport(boolean clean, String rulesDir, String conversationsDir, @Nullable String version, int rules,
                           List<DefinitionProblem> problems, @Nullable @Schema(type = "object") Scenarios scenarios, @Nullable @Schema(type = "object") Coverage coverage,
                           List<Finding> findings, List<Exploration> exploration) {

    /** Kinds of finding, as they appear in {@link Finding#kind()}. */
    public static final String UNUSED_QUESTION = "unused-question";
    public static final String UNKNOWN_QUESTION = "unknown-question";
    public static final String UNOFFERED_VALUE = "unoffered-value";
    public static final String RULE_NOT_COVERED = "rule-not-covered";
    public static final String UNREACHABLE_RULE = "unreachable-rule";
    public static final String NO_STRATEGY = "no-strategy";
    public static final String CONTRADICTING_STRATEGIES = "contradicting-strategies";
    public static final String RULE_LOOP = "rule-loop";
    public static final String RULE_ERROR = "rule-error";
    public static final String RULE_WITHOUT_ID = "rule-without-id";
    public static final String RULE_WITHOUT_PHASE = "rule-without-phase";

    /** The rules compile and every scenario passes: enough to serve them (cross-checks do not block a reload). */
    public boolean servable() {
        return problems.isEmpty() && scenarios != null && scenarios.failed() == 0;
    }

    @Serdeable
    public record Scenarios(int total, int passed, int failed, List<ScenarioResult> results) {
    }

    @Serdeable
    public record ScenarioResult(String name, String file, boolean passed, List<String> differences) {
    }

    @Serdeable
    public record Coverage(int rules, int firedByScenarios, List<RuleRef> notFired) {
    }

    @Serdeable
    public record RuleRef(String rule, String file, int line) {
    }

    /**
     * @param subject the rule name or question id concerned
     * @param example for answer-space findings, a combination of answers that shows the problem
     */
    @Serdeable
    public record Finding(String kind, String file, int line, String subject, String message,
                          @Nullable Map<String, Object> example) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + kind + ": " + message;
        }
    }

    /**
     * @param questions the questions varied (those rules read, and those that decide whether they are asked)
     * @param space     how many combinations of their representative values there are
     * @param mode      {@code exhaustive}, or {@code pairwise+sparse+random} when the space exceeds the budget
     * @param evaluated how many distinct answer sets were evaluated
     */
    @Serdeable
    public record Exploration(String flow, List<String> questions, double space, String mode, int evaluated) {
    }
}
