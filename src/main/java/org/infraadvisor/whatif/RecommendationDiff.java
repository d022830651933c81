package org.infraadvisor.whatif;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What changes between two recommendations: strategy, confidence, accelerators (added, removed, other count),
 * risks, costs, readiness and sizing, plus the same in plain sentences ({@code summary}). A side that is
 * absent is null ({@code from: null} means added, {@code to: null} removed).
 */
@Serdeable
public record RecommendationDiff(boolean changed, @Nullable @Schema(type = "object") StrategyChange strategy, @Nullable @Schema(type = "object") NumberChange confidence,
                                 List<AcceleratorChange> accelerators, List<RiskChange> risks, List<CostChange> costs,
                                 List<ReadinessChange> readiness, List<SizingChange> sizing, List<String> summary) {

    @Serdeable
    public record StrategyChange(@Nullable String from, @Nullable String to) {
    }

    @Serdeable
    public record NumberChange(double from, double to) {
    }

    @Serdeable
    public record AcceleratorChange(String vendor, String model, @Nullable Integer countFrom, @Nullable Integer countTo) {
    }

    @Serdeable
    public record RiskChange(String title, @Nullable String severityFrom, @Nullable String severityTo) {
    }

    @Serdeable
    public record CostChange(String strategy, @Nullable Double from, @Nullable Double to, @Nullable Double delta) {
    }

    @Serdeable
    public record ReadinessChange(String pillar, @Nullable String from, @Nullable String to) {
    }

    @Serdeable
    public record SizingChange(String name, @Nullable String unit, @Nullable Double from, @Nullable Double to) {
    }

    public static RecommendationDiff between(Advice from, Advice to) {
        List<String> summary = new ArrayList<>();
        StrategyChange strategy = null;
        if (!Objects.equals(from.strategy(), to.strategy())) {
            strategy = new StrategyChange(from.strategy(), to.strategy());
            summary.add("Strategy: %s → %s".formatted(Readable.strategy(from.strategy()), Readable.strategy(to.strategy())));
        }
        NumberChange confidence = from.confidence() == to.confidence() ? null : new NumberChange(from.confidence(), to.confidence());

        List<AcceleratorChange> accelerators = new ArrayList<>();
        compare(from.accelerators(), to.accelerators(), a -> a.vendor() + " " + a.model(), (a, b) -> {
            Integer c0 = a == null ? null : a.count();
            Integer c1 = b == null ? null : b.count();
            if (!Objects.equals(c0, c1)) {
                Advice.Accelerator any = a == null ? b : a;
                accelerators.add(new AcceleratorChange(any.vendor(), any.model(), c0, c1));
                String name = any.vendor() + " " + any.model();
                summary.add(a == null ? "Accelerator added: " + Readable.times(c1, name)
                        : b == null ? "Accelerator removed: " + name
                        : "Accelerator %s: %s → %s".formatted(name, Readable.number(c0), Readable.number(c1)));
            }
        });
        List<RiskChange> risks = new ArrayList<>();
        compare(from.risks(), to.risks(), Advice.Risk::title, (a, b) -> {
            String s0 = a == null ? null : a.severity();
            String s1 = b == null ? null : b.severity();
            if (!Objects.equals(s0, s1)) {
                String title = a == null ? b.title() : a.title();
                risks.add(new RiskChange(title, s0, s1));
                summary.add(a == null ? "Risk added (%s): %s".formatted(Readable.severity(s1), title) : b == null ? "Risk removed: " + title
                        : "Risk %s: %s → %s".formatted(title, Readable.severity(s0), Readable.severity(s1)));
            }
        });
        List<CostChange> costs = new ArrayList<>();
        compare(from.costs(), to.costs(), Advice.Cost::strategy, (a, b) -> {
            Double c0 = a == null ? null : a.totalUsd();
            Double c1 = b == null ? null : b.totalUsd();
            if (!Objects.equals(c0, c1)) {
                String s = a == null ? b.strategy() : a.strategy();
                costs.add(new CostChange(s, c0, c1, c0 == null || c1 == null ? null : c1 - c0));
                summary.add("Cost of %s: %s → %s".formatted(Readable.strategy(s), usd(c0), usd(c1)));
            }
        });
        List<ReadinessChange> readiness = new ArrayList<>();
        compare(from.readiness(), to.readiness(), Advice.Readiness::pillar, (a, b) -> {
            String s0 = a == null ? null : a.status();
            String s1 = b == null ? null : b.status();
            if (!Objects.equals(s0, s1)) {
                String pillar = a == null ? b.pillar() : a.pillar();
                readiness.add(new ReadinessChange(pillar, s0, s1));
                summary.add("Readiness of %s: %s → %s".formatted(Readable.pillar(pillar), status(s0), status(s1)));
            }
        });
        List<SizingChange> sizing = new ArrayList<>();
        compare(from.sizing(), to.sizing(), Advice.Sizing::name, (a, b) -> {
            Double v0 = a == null ? null : a.value();
            Double v1 = b == null ? null : b.value();
            if (!Objects.equals(v0, v1)) {
                Advice.Sizing any = a == null ? b : a;
                sizing.add(new SizingChange(any.name(), any.unit(), v0 == null ? null : Readable.rounded(v0), v1 == null ? null : Readable.rounded(v1)));
                summary.add("%s: %s → %s".formatted(any.name(), quantity(v0, any.unit()), quantity(v1, any.unit())));
            }
        });
        boolean changed = strategy != null || confidence != null || !accelerators.isEmpty() || !risks.isEmpty()
                || !costs.isEmpty() || !readiness.isEmpty() || !sizing.isEmpty();
        return new RecommendationDiff(changed, strategy, confidence, accelerators, risks, costs, readiness, sizing, summary);
    }

    /** Pairs items by key (first occurrence) and hands each pair to {@code visit}; a missing side is null. */
    private static <T> void compare(List<T> from, List<T> to, Function<T, String> key, java.util.function.BiConsumer<T, T> visit) {
        Map<String, T> before = index(from, key);
        Map<String, T> after = index(to, key);
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.forEach(k -> visit.accept(before.get(k), after.get(k)));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.putIfAbsent(key.apply(i), i));
        return map;
    }

    private static String status(String readiness) {
        return readiness == null ? "none" : Readable.readiness(readiness);
    }

    private static String usd(Double d) {
        return d == null ? "none" : Readable.money(d);
    }

    private static String quantity(Double d, String unit) {
        return d == null ? "none" : Readable.quantity(d, unit);
    }
}
