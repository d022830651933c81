package org.infraadvisor.advice;

import java.util.List;
import java.util.Map;

/**
 * What the rules concluded for one set of answers, as the engine hands it over: figures as numbers, rules by their
 * stable ids, answers by question id. Nothing here is formatted for a reader or shaped for a wire format; the public
 * document, the stored snapshot, reports and channels are all made from it.
 *
 * @param strategy        {@code cloud-first}, {@code hybrid}, {@code on-prem}, or null when none could be recommended
 * @param strategyReasons the rules that concluded the strategy (and, for a strategy chosen by votes, the votes for it),
 *                        with the answers behind them; null without a strategy
 * @param votes           every vote a rule gave a strategy, in firing order
 * @param constraint      the hard constraint that decided the strategy on its own, or null when none did
 * @param answers         the answers the rules saw, by question id in flow order: the canonical value, or
 *                        {@code "unknown"}; questions the dialogue skipped are left out
 * @param rules           every rule the reasons and votes name, by id
 */
public record Advice(
        String strategy,
        double confidence,
        String summary,
        List<Accelerator> accelerators,
        List<Risk> risks,
        List<Readiness> readiness,
        List<PlanStep> plan,
        List<Sizing> sizing,
        List<Cost> costs,
        List<FollowUp> openQuestions,
        List<Assumption> assumptions,
        Reasons strategyReasons,
        List<Vote> votes,
        Constraint constraint,
        Map<String, Object> answers,
        Map<String, RuleRef> rules,
        String rulesVersion) {

    /** The rules that concluded or scored one item, and the answers behind them, followed through derived facts. */
    public record Reasons(List<String> rules, List<String> answers) {
        public static final Reasons NONE = new Reasons(List.of(), List.of());
    }

    /** A rule as a reader sees it; {@code file} is null when it is no longer known (advice stored by an older version). */
    public record RuleRef(String id, String name, String description, String rationale, String file) {
    }

    /** One rule's vote for a strategy: how many points, why, and the answers behind it. */
    public record Vote(String strategy, int points, String rule, String reason, List<String> answers) {
    }

    /**
     * A requirement that rules out the other strategies (data that must stay on premises, answers at the edge): the
     * strategy it decides, the rule that set it, why, and the answers behind it.
     */
    public record Constraint(String strategy, String rule, String reason, List<String> answers) {
    }

    public record Accelerator(String vendor, String model, int count, double score, String reason, Reasons reasons) {
    }

    public record Risk(String severity, String title, String detail, Reasons reasons) {
    }

    public record Readiness(String pillar, String status, String reason, Reasons reasons) {
    }

    public record PlanStep(int order, String title, String detail, Reasons reasons) {
    }

    public record Sizing(String name, double value, String unit, String formula, Reasons reasons) {
    }

    public record Cost(String strategy, double totalUsd, String breakdown, Reasons reasons) {
    }

    /** A question whose answer would change the advice most; {@code question} is its id. */
    public record FollowUp(String question, String why) {
    }

    /** @param label what the figure is, in a reader's words; null in advice stored before labels existed */
    public record Assumption(String key, String label, double value, String unit, String source, boolean confirmed) {
    }
}
