package org.infraadvisor.advice;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the rules concluded for one set of answers. Every item carries the rules and answers behind it
 * ({@link Reasons}); {@code explanation} lists each rule that fired, in firing order.
 */
@Serdeable
public record Recommendation(
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
        List<ExplanationStep> explanation,
        String rulesVersion) {

    @Serdeable
    public record Because(String question, String text, Object answer, String label) {
    }

    @Serdeable
    public record Reasons(List<String> rules, List<Because> because) {
    }

    @Serdeable
    public record AcceleratorAdvice(String vendor, String model, int count, double score, String reason, Reasons reasons) {
    }

    @Serdeable
    public record RiskAdvice(String severity, String title, String detail, Reasons reasons) {
    }

    @Serdeable
    public record ReadinessAdvice(String pillar, String status, String reason, Reasons reasons) {
    }

    @Serdeable
    public record PlanAdvice(int order, String title, String detail, Reasons reasons) {
    }

    @Serdeable
    public record SizingAdvice(String name, double value, String unit, String formula, Reasons reasons) {
    }

    @Serdeable
    public record CostAdvice(String strategy, double totalUsd, String breakdown, Reasons reasons) {
    }

    @Serdeable
    public record FollowUpAdvice(String question, @Nullable String text, String why) {
    }

    @Serdeable
    public record AssumptionUsed(String key, double value, String unit, String source, boolean confirmed) {
    }

    @Serdeable
    public record ExplanationStep(String rule, @Nullable String description, @Nullable String rationale,
                                  List<Because> because, List<String> concluded) {
    }
}
