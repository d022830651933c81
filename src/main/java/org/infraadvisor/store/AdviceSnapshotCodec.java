package org.infraadvisor.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes {@link Advice} as the store's own versioned snapshot and reads it back. The shape is defined here, not by the
 * API: the public document can change without touching stored rows, and a change of this shape gets a new
 * {@link #FORMAT} (rows of an older format are read by their own reader or carried over by a migration).
 */
@Singleton
public class AdviceSnapshotCodec {

    /** The snapshot format written now. */
    public static final int FORMAT = 1;

    private final JsonMapper json;

    public AdviceSnapshotCodec(JsonMapper json) {
        this.json = json;
    }

    public String write(Advice advice) {
        try {
            return json.writeValueAsString(SnapshotV1.of(advice));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Advice read(int format, String text) {
        if (format != FORMAT) {
            throw new IllegalArgumentException("advice snapshot format " + format + " is not known to this version (it reads " + FORMAT + ")");
        }
        try {
            return json.readValue(text, SnapshotV1.class).toAdvice();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answer values as the engine saw them: numbers as doubles, several options as a list of strings. */
    static Object answerValue(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v;
    }

    @Serdeable
    record SnapshotV1(@Nullable String strategy, double confidence, @Nullable String summary, List<Accelerator> accelerators,
                      List<Risk> risks, List<Readiness> readiness, List<PlanStep> plan, List<Sizing> sizing, List<Cost> costs,
                      List<FollowUp> openQuestions, List<Assumption> assumptions, @Nullable Reasons strategyReasons,
                      List<Vote> votes, Map<String, Object> answers, List<Rule> rules, String rulesVersion,
                      @Nullable Constraint constraint) {

        static SnapshotV1 of(Advice a) {
            return new SnapshotV1(a.strategy(), a.confidence(), a.summary(),
                    map(a.accelerators(), x -> new Accelerator(x.vendor(), x.model(), x.count(), x.score(), x.reason(), Reasons.of(x.reasons()))),
                    map(a.risks(), x -> new Risk(x.severity(), x.title(), x.detail(), Reasons.of(x.reasons()))),
                    map(a.readiness(), x -> new Readiness(x.pillar(), x.status(), x.reason(), Reasons.of(x.reasons()))),
                    map(a.plan(), x -> new PlanStep(x.order(), x.title(), x.detail(), Reasons.of(x.reasons()))),
                    map(a.sizing(), x -> new Sizing(x.name(), x.value(), x.unit(), x.formula(), Reasons.of(x.reasons()))),
                    map(a.costs(), x -> new Cost(x.strategy(), x.totalUsd(), x.breakdown(), Reasons.of(x.reasons()))),
                    map(a.openQuestions(), x -> new FollowUp(x.question(), x.why())),
                    map(a.assumptions(), x -> new Assumption(x.key(), x.label(), x.value(), x.unit(), x.source(), x.confirmed())),
                    a.strategyReasons() == null ? null : Reasons.of(a.strategyReasons()),
                    map(a.votes(), v -> new Vote(v.strategy(), v.points(), v.rule(), v.reason(), v.answers())),
                    a.answers(),
                    map(List.copyOf(a.rules().values()), r -> new Rule(r.id(), r.name(), r.description(), r.rationale(), r.file())),
                    a.rulesVersion(), a.constraint() == null ? null : Constraint.of(a.constraint()));
        }

        Advice toAdvice() {
            Map<String, Object> answerValues = new LinkedHashMap<>();
            answers.forEach((q, v) -> answerValues.put(q, answerValue(v)));
            Map<String, Advice.RuleRef> ruleRefs = new LinkedHashMap<>();
            rules.forEach(r -> ruleRefs.put(r.id(), new Advice.RuleRef(r.id(), r.name(), r.description(), r.rationale(), r.file())));
            return new Advice(strategy, confidence, summary,
                    map(accelerators, x -> new Advice.Accelerator(x.vendor(), x.model(), x.count(), x.score(), x.reason(), x.reasons().toAdvice())),
                    map(risks, x -> new Advice.Risk(x.severity(), x.title(), x.detail(), x.reasons().toAdvice())),
                    map(readiness, x -> new Advice.Readiness(x.pillar(), x.status(), x.reason(), x.reasons().toAdvice())),
                    map(plan, x -> new Advice.PlanStep(x.order(), x.title(), x.detail(), x.reasons().toAdvice())),
                    map(sizing, x -> new Advice.Sizing(x.name(), x.value(), x.unit(), x.formula(), x.reasons().toAdvice())),
                    map(costs, x -> new Advice.Cost(x.strategy(), x.totalUsd(), x.breakdown(), x.reasons().toAdvice())),
                    map(openQuestions, f -> new Advice.FollowUp(f.question(), f.why())),
                    map(assumptions, x -> new Advice.Assumption(x.key(), x.label(), x.value(), x.unit(), x.source(), x.confirmed())),
                    strategyReasons == null ? null : strategyReasons.toAdvice(),
                    map(votes, v -> new Advice.Vote(v.strategy(), v.points(), v.rule(), v.reason(), v.answers())),
                    constraint == null ? null : constraint.toAdvice(), Collections.unmodifiableMap(answerValues), Collections.unmodifiableMap(ruleRefs), rulesVersion);
        }
    }

    /** Added to format 1 without a new number: a row written before it has none, which reads as "no constraint known". */
    @Serdeable
    record Constraint(String strategy, String rule, String reason, List<String> answers) {
        static Constraint of(Advice.Constraint c) {
            return new Constraint(c.strategy(), c.rule(), c.reason(), c.answers());
        }

        Advice.Constraint toAdvice() {
            return new Advice.Constraint(strategy, rule, reason, List.copyOf(answers));
        }
    }

    @Serdeable
    record Accelerator(String vendor, String model, int count, double score, @Nullable String reason, Reasons reasons) {
    }

    @Serdeable
    record Risk(@Nullable String severity, String title, @Nullable String detail, Reasons reasons) {
    }

    @Serdeable
    record Readiness(String pillar, @Nullable String status, @Nullable String reason, Reasons reasons) {
    }

    @Serdeable
    record PlanStep(int order, String title, @Nullable String detail, Reasons reasons) {
    }

    @Serdeable
    record Sizing(String name, double value, @Nullable String unit, @Nullable String formula, Reasons reasons) {
    }

    @Serdeable
    record Cost(String strategy, double totalUsd, @Nullable String breakdown, Reasons reasons) {
    }

    @Serdeable
    record Reasons(List<String> rules, List<String> answers) {
        static Reasons of(Advice.Reasons r) {
            return new Reasons(r.rules(), r.answers());
        }

        Advice.Reasons toAdvice() {
            return rules.isEmpty() && answers.isEmpty() ? Advice.Reasons.NONE : new Advice.Reasons(List.copyOf(rules), List.copyOf(answers));
        }
    }

    @Serdeable
    record FollowUp(String question, @Nullable String why) {
    }

    @Serdeable
    record Assumption(String key, @Nullable String label, double value, @Nullable String unit, @Nullable String source, boolean confirmed) {
    }

    @Serdeable
    record Vote(String strategy, int points, @Nullable String rule, @Nullable String reason, List<String> answers) {
    }

    @Serdeable
    record Rule(String id, String name, @Nullable String description, @Nullable String rationale, @Nullable String file) {
    }

    private static <T, R> List<R> map(List<T> items, Function<T, R> f) {
        return items.stream().map(f).toList();
    }
}
