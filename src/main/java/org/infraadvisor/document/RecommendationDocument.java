package org.infraadvisor.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The recommendation as the public API shows it (in {@code POST /api/evaluate}, conversation views and what-if), and
 * as Slack and the reports read it. Each answer is described once, in {@code answers}, and each rule once, in
 * {@code rules}; every item's {@code reasons} refer to them by id. {@code explanation} (the firing trace) is present
 * only when asked for.
 *
 * @param strategyReasons the rules that concluded the strategy and, for a strategy chosen by votes, the votes for it,
 *                        with the answers behind them
 * @param votes           every vote a rule gave a strategy
 * @param deciding        the three to five reasons that decided the strategy, strongest first, each with the answers to
 *                        show beside it; empty without a strategy
 * @param labels          how the ids of strategies, risk severities, readiness statuses and pillars in this document read
 * @param answers         question id → the answer as the rules saw it
 * @param rules           rule id → the rule, for every rule this document names
 */
@Serdeable
public record RecommendationDocument(
        @Nullable String strategy,
        double confidence,
        @Nullable String summary,
        List<AcceleratorAdvice> accelerators,
        List<RiskAdvice> risks,
        List<ReadinessAdvice> readiness,
        List<PlanAdvice> plan,
        List<SizingAdvice> sizing,
        List<CostAdvice> costs,
        List<FollowUpAdvice> openQuestions,
        List<AssumptionUsed> assumptions,
        @Nullable @Schema(type = "object") Reasons strategyReasons,
        List<Vote> votes,
        List<Deciding> deciding,
        Map<String, String> labels,
        Map<String, AnswerText> answers,
        Map<String, RuleText> rules,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<ExplanationStep> explanation,
        String rulesVersion) {

    /** The rules (ids) that concluded or scored an item and the answers (question ids) behind them. */
    @Serdeable
    public record Reasons(List<String> rules, List<String> answers) {
    }

    /** One answer: the question's text, the canonical value ({@code "unknown"} for "I don't know") and how it reads. */
    @Serdeable
    public record AnswerText(String text, Object value, String label) {
    }

    /** @param file where the rule is written; null when the rule is no longer among the serving rules */
    @Serdeable
    public record RuleText(String name, @Nullable String description, @Nullable String rationale, @Nullable String file) {
    }

    /** @param answers question ids of the answers behind the vote */
    @Serdeable
    public record Vote(String strategy, int points, @Nullable String rule, @Nullable String reason, List<String> answers) {
    }

    /**
     * One reason that decided the strategy: the hard constraint that decided it (no points), a vote for it, or, when
     * fewer than three, a vote for another strategy that it outweighed (its {@code strategy} is that other one).
     *
     * @param points  the vote's points; null for a constraint or the rule that chose the strategy
     * @param reason  the reason in words, as the rule gave it
     * @param rule    the rule id (in {@code rules})
     * @param answers question ids (in {@code answers}) of at most three of the user's answers behind it, the most telling first
     */
    @Serdeable
    public record Deciding(String strategy, @Nullable Integer points, String reason, @Nullable String rule, List<String> answers) {
    }

    @Serdeable
    public record AcceleratorAdvice(String vendor, String model, int count, double score, @Nullable String reason, Reasons reasons) {
    }

    @Serdeable
    public record RiskAdvice(@Nullable String severity, String title, @Nullable String detail, Reasons reasons) {
    }

    @Serdeable
    public record ReadinessAdvice(String pillar, @Nullable String status, @Nullable String reason, Reasons reasons) {
    }

    @Serdeable
    public record PlanAdvice(int order, String title, @Nullable String detail, Reasons reasons) {
    }

    /**
     * @param value the figure as data, rounded to what it can carry
     * @param text  the figure with its unit as a reader sees it ("11,574 tokens/s", "1 device", "2.1 × 10^21 FLOPs");
     *              show it instead of formatting {@code value} and {@code unit} yourself
     */
    @Serdeable
    public record SizingAdvice(String name, double value, @Nullable String unit, @Nullable String text, @Nullable String formula, Reasons reasons) {
    }

    @Serdeable
    public record CostAdvice(String strategy, double totalUsd, @Nullable String breakdown, Reasons reasons) {
    }

    @Serdeable
    public record FollowUpAdvice(String question, @Nullable String text, @Nullable String why) {
    }

    /**
     * @param key   the figure's key in {@code rules/catalogue/assumptions.yaml}, for integrators and rule authors
     * @param label what the figure is, in a reader's words ("Electricity price"); show it instead of the key. Null
     *              only in advice stored before labels existed.
     * @param text  the figure with its unit as a reader sees it ("$0.10 per kWh", "25% of hours", "1 byte per parameter")
     */
    @Serdeable
    public record AssumptionUsed(String key, @Nullable String label, double value, @Nullable String unit, @Nullable String text,
                                 @Nullable String source, boolean confirmed) {
    }

    /**
     * One rule that fired, in firing order.
     *
     * @param answers   question ids of the answers its conditions matched
     * @param concluded what it concluded that this document shows, in words
     */
    @Serdeable
    public record ExplanationStep(String rule, List<String> answers, List<String> concluded) {
    }
}
