package org.infraadvisor.document;

import org.infraadvisor.document.RecommendationDocument.AcceleratorAdvice;
import org.infraadvisor.document.RecommendationDocument.AnswerText;
import org.infraadvisor.document.RecommendationDocument.CostAdvice;
import org.infraadvisor.document.RecommendationDocument.Deciding;
import org.infraadvisor.document.RecommendationDocument.PlanAdvice;
import org.infraadvisor.document.RecommendationDocument.RiskAdvice;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The top of every channel's advice, what a business reader needs first: the strategy and how sure, the reasons that
 * decided it with the user's own answers, the recommended accelerator and what it costs, the cost of each strategy,
 * the top risks and the next step. Slack and the reports lay it out; the widget reads the same document fields.
 */
public final class Headline {

    public static final int TOP_RISKS = 3;
    /** The question whose answer sets the years costs are compared over. */
    static final String HORIZON = "horizon_years";

    private final RecommendationDocument advice;

    private Headline(RecommendationDocument advice) {
        this.advice = advice;
    }

    public static Headline of(RecommendationDocument advice) {
        return new Headline(advice);
    }

    /**
     * One deciding reason, ready to show.
     *
     * @param text     the reason, capitalised
     * @param points   "+3" for a vote, null for a constraint or the rule that chose the strategy
     * @param against  the other strategy a vote was for (one the recommendation outweighed), null for a reason for it
     * @param answers  the user's answers behind it, as they read
     */
    public record Reason(String text, String points, String against, List<AnswerText> answers) {

        /** "your answer: AWS" / "your answers: Steady: busy most hours; 2,000,000 requests/day", or "" without answers. */
        public String yourAnswers() {
            if (answers.isEmpty()) {
                return "";
            }
            return (answers.size() == 1 ? "your answer: " : "your answers: ")
                    + String.join("; ", answers.stream().map(AnswerText::label).toList());
        }
    }

    /** "On-premises". */
    public String strategy() {
        return Readable.strategy(advice.strategy());
    }

    /** "Why on-premises", "Why cloud-first". */
    public String whyHeading() {
        return advice.strategy() == null ? "Why no strategy" : "Why " + strategy().toLowerCase(Locale.ROOT);
    }

    /** "68%", or null without a strategy. */
    public String confidence() {
        return advice.strategy() == null ? null : Readable.percent(advice.confidence());
    }

    public List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>(advice.deciding().size());
        for (Deciding d : advice.deciding()) {
            List<AnswerText> answers = d.answers().stream().map(advice.answers()::get).filter(Objects::nonNull).toList();
            reasons.add(new Reason(Readable.capitalize(d.reason()), d.points() == null ? null : signed(d.points()),
                    d.strategy().equals(advice.strategy()) ? null : Readable.strategy(d.strategy()), answers));
        }
        return reasons;
    }

    /** How one strategy scored: its points and the votes for it, "expected utilization … +3; opex budget +2". */
    public record Score(String strategy, int points, String votes) {
    }

    /** Every strategy the votes or costs name, most points first. */
    public List<Score> scores() {
        Map<String, List<RecommendationDocument.Vote>> byStrategy = new LinkedHashMap<>();
        advice.votes().forEach(v -> byStrategy.computeIfAbsent(v.strategy(), k -> new ArrayList<>()).add(v));
        advice.costs().forEach(c -> byStrategy.computeIfAbsent(c.strategy(), k -> new ArrayList<>()));
        List<Score> scores = new ArrayList<>(byStrategy.size());
        byStrategy.forEach((strategy, votes) -> scores.add(new Score(Readable.strategy(strategy),
                votes.stream().mapToInt(RecommendationDocument.Vote::points).sum(),
                String.join("; ", votes.stream().map(v -> Readable.capitalize(v.reason()) + " " + signed(v.points())).toList()))));
        scores.sort(Comparator.comparingInt(Score::points).reversed());
        return scores;
    }

    private static String signed(int points) {
        return (points >= 0 ? "+" : "") + points;
    }

    public Optional<AcceleratorAdvice> accelerator() {
        return advice.accelerators().stream().findFirst();
    }

    /** "23 × NVIDIA H200 SXM", "13,896 × NVIDIA GB200 NVL72". */
    public static String accelerator(AcceleratorAdvice a) {
        return Readable.number(a.count()) + " × " + a.vendor() + " " + a.model();
    }

    /** The recommended strategy's cost over the horizon. */
    public Optional<CostAdvice> recommendedCost() {
        return advice.costs().stream().filter(c -> c.strategy().equals(advice.strategy())).findFirst();
    }

    /** "On-premises costs about $1,770,000 over 3 years", or null when the advice has no cost for it. */
    public String costSentence() {
        return recommendedCost().map(c -> strategy() + " costs about " + Readable.money(c.totalUsd()) + " " + horizon()).orElse(null);
    }

    /** "over 3 years", or "over the planning horizon" when the user did not say. */
    public String horizon() {
        AnswerText years = advice.answers().get(HORIZON);
        if (years != null && years.value() instanceof Number n) {
            double y = n.doubleValue();
            return "over " + Readable.count(y, "year", "years");
        }
        return "over the planning horizon";
    }

    /** The cost of each strategy; the share of the largest is what a chart draws. */
    public List<CostAdvice> costs() {
        return advice.costs();
    }

    public double largestCost() {
        return advice.costs().stream().mapToDouble(CostAdvice::totalUsd).max().orElse(0);
    }

    public boolean recommended(CostAdvice c) {
        return c.strategy().equals(advice.strategy());
    }

    /** The most severe risks (the advice lists them by severity). */
    public List<RiskAdvice> topRisks() {
        return advice.risks().stream().limit(TOP_RISKS).toList();
    }

    public Optional<PlanAdvice> nextStep() {
        return advice.plan().stream().findFirst();
    }
}
