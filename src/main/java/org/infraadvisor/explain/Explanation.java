package org.infraadvisor.explain;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Why the rules recommend what they do, and why not the alternatives. Rules are named by id and answers by question
 * id; the recommendation sent with an explanation describes each once ({@code rules}, {@code answers}).
 *
 * @param answers   the questions whose answers the rules saw
 * @param why       the chain behind the recommended strategy: the rule that concluded it, the rules that derived
 *                  the facts it matched, down to the answers
 * @param standings every strategy with the points the rules gave it and each vote's rule and answers
 * @param whyNot    for each strategy not chosen: the rules that would have supported it and, for each rule
 *                  that did not fire, which of its conditions your answers did not meet
 */
@Serdeable
public record Explanation(@Nullable String strategy, double confidence, @Nullable String summary, String rulesVersion,
                          List<String> answers, @Nullable @Schema(type = "object") Step why, List<Standing> standings, List<WhyNot> whyNot) {

    /**
     * One rule firing in the chain.
     *
     * @param rule      the rule's id
     * @param concluded what it concluded, in words, when the advice shows it (null for the facts rules pass between them)
     * @param answers   the questions whose answers its conditions matched directly
     * @param from      the firings that derived the facts it matched
     */
    @Serdeable
    public record Step(String rule, @Nullable String concluded, List<String> answers, List<Step> from) {
    }

    /** @param answers the questions whose answers stand behind the vote */
    @Serdeable
    public record Vote(String strategy, int points, @Nullable String reason, @Nullable String rule, List<String> answers) {
    }

    @Serdeable
    public record Standing(String strategy, int points, boolean chosen, List<Vote> votes) {
    }

    /**
     * @param summary one paragraph in plain words
     * @param rules   every rule that argues for the strategy, whether it fired or not
     */
    @Serdeable
    public record WhyNot(String strategy, int points, String summary, List<RuleCheck> rules) {
    }

    /**
     * A rule that would support a strategy, checked against the answers.
     *
     * @param rule            the rule's id
     * @param points          what it adds (when it fired) or would add (when its votes are literal)
     * @param verdict         in plain words: fired, or which conditions failed
     * @param otherConditions conditions on derived facts, shown as written
     */
    @Serdeable
    public record RuleCheck(String rule, String file, int line, boolean fired, @Nullable Integer points, String verdict,
                            List<ConditionCheck> conditions, List<String> otherConditions) {
    }

    /**
     * One condition of a rule on one answer.
     *
     * @param condition   what the rule needs, e.g. {@code utilization = steady ("Steady: busy most hours")}
     * @param answer      the value the rules saw (null when the question was not asked)
     * @param answered    what the user answered, as a label
     * @param met         true, false, or null when the condition cannot be checked outside the rules engine
     * @param explanation e.g. {@code needs utilization = steady ("Steady: busy most hours"); you answered "Bursty: short intense peaks"}
     */
    @Serdeable
    public record ConditionCheck(String question, String condition, @Nullable Object answer, String answered,
                                 @Nullable Boolean met, String explanation) {
    }
}
