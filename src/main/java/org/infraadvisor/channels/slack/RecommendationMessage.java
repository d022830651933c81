package org.infraadvisor.channels.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import io.micronaut.core.annotation.Nullable;
import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.conversation.ConversationView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * The recommendation as Block Kit: strategy and confidence, accelerators with counts, risks, the readiness
 * scorecard, and buttons for the reasons ("Why?"), the full report, starting over and changing an answer.
 * Everything shown comes from the {@link Recommendation}; nothing is decided here.
 */
final class RecommendationMessage {

    private static final int SECTION_LIMIT = 2900;
    private static final int MAX_BLOCKS = 50;

    private RecommendationMessage() {
    }

    static String title(Recommendation rec) {
        return rec.strategy() == null ? "Recommendation" : "Recommendation: " + SlackText.capitalize(rec.strategy());
    }

    /**
     * @param reportUrl the report's read-only share link; null when the owner turned sharing off (then no link is shown)
     */
    static List<LayoutBlock> render(ConversationView conversation, Recommendation rec, @Nullable String reportUrl) {
        String ref = BlockRef.refOf(conversation.id());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.limit(title(rec), 150)))));
        blocks.add(section(s -> s.fields(List.of(
                markdownText("*Strategy*\n" + SlackText.escape(rec.strategy() == null ? "undecided" : SlackText.capitalize(rec.strategy()))),
                markdownText("*Confidence*\n" + Math.round(rec.confidence() * 100) + " %")))));
        if (rec.summary() != null && !rec.summary().isBlank()) {
            blocks.add(section(s -> s.text(markdownText(SlackText.limit(SlackText.escape(rec.summary()), SECTION_LIMIT)))));
        }
        blocks.add(divider());
        blocks.add(list("Accelerators", rec.accelerators(), "No accelerator recommended.",
                a -> "• *%d × %s %s* — %s".formatted(a.count(), SlackText.escape(a.vendor()), SlackText.escape(a.model()),
                        SlackText.escape(a.reason()))));
        blocks.add(list("Risks", rec.risks(), "No notable risks found.",
                r -> "• %s *%s* — %s".formatted(severity(r.severity()), SlackText.escape(r.title()), SlackText.escape(r.detail()))));
        blocks.add(list("Readiness", rec.readiness(), "No readiness findings.",
                r -> "• %s *%s*: %s — %s".formatted(readiness(r.status()), SlackText.escape(SlackText.capitalize(r.pillar())),
                        SlackText.escape(r.status()), SlackText.escape(r.reason()))));
        blocks.add(context(List.of(markdownText("Rules version `%s`".formatted(SlackText.escape(rec.rulesVersion()))
                + (reportUrl == null ? " · the report link is turned off" : "")))));

        List<BlockElement> controls = new ArrayList<>();
        controls.add(button(b -> b.actionId(SlackActions.WHY).text(plainText("Why?")).value(ref).style("primary")));
        if (reportUrl != null) {
            controls.add(button(b -> b.actionId(SlackActions.REPORT).text(plainText("Full report")).url(reportUrl)));
        }
        controls.add(button(b -> b.actionId(SlackActions.RESTART).text(plainText("Start over")).value(ref)
                .confirm(confirmationDialog(c -> c.title(plainText("Start over?"))
                        .text(plainText("This starts a new conversation; this one stays stored."))
                        .confirm(plainText("Start over")).deny(plainText("Cancel"))))));
        List<OptionObject> answered = conversation.answers().stream().limit(100)
                .map(a -> option(plainText(SlackText.limit(a.text(), 75)), a.question())).toList();
        if (!answered.isEmpty()) {
            controls.add(staticSelect(s -> s.actionId(SlackActions.CHANGE).placeholder(plainText("Change an answer…")).options(answered)));
        }
        blocks.add(actions(BlockRef.recommendation(ref).encode(), controls));
        return blocks;
    }

    /** The reasons: the rules and answers behind the strategy, then every rule that fired with what it matched. */
    static List<LayoutBlock> reasons(Recommendation rec, @Nullable String reportUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.limit("Why " + (rec.strategy() == null ? "this advice" : rec.strategy()) + "?", 150)))));
        if (rec.strategyReasons() != null) {
            blocks.add(section(s -> s.text(markdownText(SlackText.limit("*Strategy* — rules: " + rules(rec.strategyReasons().rules())
                    + because(rec.strategyReasons().because()), SECTION_LIMIT)))));
        }
        blocks.add(divider());
        int room = MAX_BLOCKS - blocks.size() - 1;
        List<Recommendation.ExplanationStep> steps = rec.explanation();
        for (int i = 0; i < steps.size() && i < room; i++) {
            Recommendation.ExplanationStep step = steps.get(i);
            StringBuilder text = new StringBuilder("*").append(SlackText.escape(step.rule())).append("*");
            if (step.description() != null && !step.description().isBlank()) {
                text.append("\n").append(SlackText.escape(step.description()));
            }
            if (step.rationale() != null && !step.rationale().isBlank()) {
                text.append("\n_").append(SlackText.escape(step.rationale())).append("_");
            }
            text.append(because(step.because()));
            blocks.add(section(s -> s.text(markdownText(SlackText.limit(text.toString(), SECTION_LIMIT)))));
        }
        String more = steps.size() > room ? "%d more rules fired; ".formatted(steps.size() - room) : "";
        String report = reportUrl == null ? "The full report lists every conclusion with its reasons (its link is turned off)."
                : "<" + reportUrl + "|The full report> lists every conclusion with its reasons.";
        blocks.add(context(List.of(markdownText(more + report))));
        return blocks;
    }

    /** An earlier recommendation after an answer changed: the header stays, the controls go. */
    static List<LayoutBlock> superseded(String title) {
        return List.of(section(s -> s.text(markdownText("~" + SlackText.escape(title) + "~\n_Superseded: an answer changed, "
                + "so the advice was worked out again further down this thread._"))));
    }

    private static <T> LayoutBlock list(String title, List<T> items, String none, Function<T, String> line) {
        StringBuilder text = new StringBuilder("*").append(title).append("*");
        if (items.isEmpty()) {
            text.append("\n").append(none);
        }
        items.forEach(item -> text.append("\n").append(line.apply(item)));
        return section(s -> s.text(markdownText(SlackText.limit(text.toString(), SECTION_LIMIT))));
    }

    private static String rules(List<String> rules) {
        return rules.isEmpty() ? "none" : String.join(", ", rules.stream().map(r -> "_" + SlackText.escape(r) + "_").toList());
    }

    private static String because(List<Recommendation.Because> because) {
        StringBuilder text = new StringBuilder();
        for (Recommendation.Because b : because) {
            text.append("\n• ").append(SlackText.escape(b.text() == null ? b.question() : b.text()))
                    .append(" → *").append(SlackText.escape(b.label())).append("*");
        }
        return text.toString();
    }

    private static String severity(String severity) {
        return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
            case "high", "critical" -> ":red_circle:";
            case "medium" -> ":large_orange_circle:";
            case "low" -> ":large_yellow_circle:";
            default -> ":white_circle:";
        };
    }

    private static String readiness(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "ready" -> ":large_green_circle:";
            case "gap" -> ":large_yellow_circle:";
            case "blocker" -> ":red_circle:";
            default -> ":white_circle:";
        };
    }
}
