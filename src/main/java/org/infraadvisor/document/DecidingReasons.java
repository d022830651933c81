package org.infraadvisor.document;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.document.RecommendationDocument.Deciding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Works out, once for every channel, the few reasons that decided the strategy, each with the user's own answers
 * behind it: the hard constraint that decided it, else the votes for it, strongest first; when that makes fewer than
 * {@value #AT_LEAST}, the strongest votes for the other strategies, which it outweighed. A strategy reached neither
 * way (the low-commitment default) is explained by the rule that chose it.
 * <p>
 * A reason derived from many answers (utilization against break-even rests on a dozen) shows only the
 * {@value #ANSWERS_SHOWN} that say most: real answers ("I don't know" only when there is none); those the reason names; those
 * not shown with an earlier reason; the flow's more important questions; then those fewer of the advice's conclusions
 * rest on (the more specific).
 */
final class DecidingReasons {

    static final int AT_LEAST = 3;
    static final int AT_MOST = 5;
    static final int ANSWERS_SHOWN = 3;

    private final Advice advice;
    private final Flow flow;
    private final Map<String, Integer> citations = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Set<String> shown = new HashSet<>();

    private DecidingReasons(Advice advice, Flow flow) {
        this.advice = advice;
        this.flow = flow;
        Stream.of(advice.accelerators().stream().map(Advice.Accelerator::reasons), advice.risks().stream().map(Advice.Risk::reasons),
                        advice.readiness().stream().map(Advice.Readiness::reasons), advice.plan().stream().map(Advice.PlanStep::reasons),
                        advice.sizing().stream().map(Advice.Sizing::reasons), advice.costs().stream().map(Advice.Cost::reasons))
                .flatMap(s -> s).forEach(r -> r.answers().forEach(this::cite));
        advice.votes().forEach(v -> v.answers().forEach(this::cite));
        advice.answers().keySet().forEach(q -> order.put(q, order.size()));
    }

    static List<Deciding> of(Advice advice, Flow flow) {
        return advice.strategy() == null ? List.of() : new DecidingReasons(advice, flow).work();
    }

    private List<Deciding> work() {
        String strategy = advice.strategy();
        List<Deciding> reasons = new ArrayList<>(AT_MOST);
        Advice.Constraint constraint = advice.constraint();
        if (constraint != null && strategy.equals(constraint.strategy())) {
            reasons.add(new Deciding(strategy, null, constraint.reason(), constraint.rule(), pick(constraint.answers(), constraint.reason())));
        }
        List<Advice.Vote> strongestFirst = advice.votes().stream().filter(v -> v.points() > 0)
                .sorted(Comparator.comparingInt(Advice.Vote::points).reversed()).toList();
        strongestFirst.stream().filter(v -> v.strategy().equals(strategy)).limit(AT_MOST - reasons.size())
                .forEach(v -> reasons.add(vote(v)));
        if (reasons.isEmpty()) {
            decidingRule().ifPresent(reasons::add);
        }
        strongestFirst.stream().filter(v -> !v.strategy().equals(strategy)).filter(v -> reasons.stream().noneMatch(r -> sameReason(r, v)))
                .limit(Math.max(0, AT_LEAST - reasons.size())).forEach(v -> reasons.add(vote(v)));
        return List.copyOf(reasons);
    }

    private Deciding vote(Advice.Vote v) {
        String reason = v.reason() == null ? ruleName(v.rule()) : v.reason();
        return new Deciding(v.strategy(), v.points(), reason, v.rule(), pick(v.answers(), reason));
    }

    /** One rule's one finding that counts for several strategies (utilization above break-even) is shown once. */
    private static boolean sameReason(Deciding shown, Advice.Vote v) {
        return Objects.equals(shown.rule(), v.rule()) && Objects.equals(shown.reason(), v.reason());
    }

    /** The rule that chose the strategy, in its own words, when neither a constraint nor votes for it did. */
    private Optional<Deciding> decidingRule() {
        Advice.Reasons reasons = advice.strategyReasons();
        if (reasons == null || reasons.rules().isEmpty()) {
            return Optional.empty();
        }
        String rule = reasons.rules().get(0);
        Advice.RuleRef ref = advice.rules().get(rule);
        String text = ref == null ? null : ref.description() != null ? ref.description() : ref.name();
        return text == null ? Optional.empty()
                : Optional.of(new Deciding(advice.strategy(), null, text, rule, pick(reasons.answers(), text)));
    }

    private List<String> pick(List<String> answers, String reason) {
        List<String> given = answers.stream().filter(advice.answers()::containsKey).toList();
        List<String> known = given.stream().filter(this::known).toList();
        String words = reason.toLowerCase(Locale.ROOT);
        List<String> picked = (known.isEmpty() ? given : known).stream()
                .sorted(Comparator.comparing((String q) -> !named(q, words))
                        .thenComparing(shown::contains)
                        .thenComparing(Comparator.comparingDouble(this::importance).reversed())
                        .thenComparingInt(q -> citations.getOrDefault(q, 0))
                        .thenComparingInt(q -> order.getOrDefault(q, Integer.MAX_VALUE)))
                .limit(ANSWERS_SHOWN).toList();
        shown.addAll(picked);
        return picked;
    }

    /** Whether the reason's words name the question (its id's longer words): "expected utilization …" names {@code utilization}. */
    private static boolean named(String question, String reasonWords) {
        for (String word : question.split("_")) {
            if (word.length() >= 5 && reasonWords.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private boolean known(String question) {
        Object value = advice.answers().get(question);
        return value != null && !"unknown".equals(value);
    }

    private double importance(String question) {
        return flow.question(question).map(Question::importance).orElse(Question.DEFAULT_IMPORTANCE);
    }

    private String ruleName(String rule) {
        Advice.RuleRef ref = rule == null ? null : advice.rules().get(rule);
        return ref == null ? "" : ref.name();
    }

    private void cite(String question) {
        citations.merge(question, 1, Integer::sum);
    }
}
