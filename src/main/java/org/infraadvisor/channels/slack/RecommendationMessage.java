package org.infraadvisor.channels.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import io.micronaut.core.annotation.Nullable;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.RuleText;
import org.infraadvisor.format.Readable;

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
 * Everything shown comes from the {@link RecommendationDocument}; nothing is decided here.
 */
final class RecommendationMessage {

    private static final int SECTION_LIMIT = 2900;
    private static final int MAX_BLOCKS = 50;

    private RecommendationMessage() {
    }

    static String title(RecommendationDocument rec) {
        return rec.strategy() == null ? "Recommendation" : "Recommendation: " + Readable.capitalize(rec.strategy());
    }

    /**
     * @param reportUrl the report's read-only share link; null when the owner turned sharing off (then no link is shown)
     */
    static List<LayoutBlock> render(ConversationView conversation, RecommendationDocument rec, @Nullable String reportUrl) {
        String ref = BlockRef.refOf(conversation.id());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.limit(title(rec), 150)))));
        blocks.add(section(s -> s.fields(List.of(
                markdownText("*Strategy*\n" + SlackText.escape(rec.strategy() == null ? "undecided" : Readable.capitalize(rec.strategy()))),
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
                r -> "• %s *%s*: %s — %s".formatted(readiness(r.status()), SlackText.escape(Readable.capitalize(r.pillar())),
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

    /**
     * The reasons: the rules and answers behind the strategy (for a strategy chosen by votes, each vote for it with
     * the answers behind it), then every rule the advice names, once.
     */
    static List<LayoutBlock> reasons(RecommendationDocument rec, @Nullable String reportUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.limit("Why " + (rec.strategy() == null ? "this advice" : rec.strategy()) + "?", 150)))));
        if (rec.strategyReasons() != null) {
            blocks.add(section(s -> s.text(markdownText(SlackText.limit("*Strategy* — rules: " + rules(rec, rec.strategyReasons().rules())
                    + because(rec, rec.strategyReasons().answers()) + votes(rec), SECTION_LIMIT)))));
        }
        blocks.add(divider());
        int room = MAX_BLOCKS - blocks.size() - 1;
        List<RuleText> rules = List.copyOf(rec.rules().values());
        for (int i = 0; i < rules.size() && i < room; i++) {
            RuleText rule = rules.get(i);
            StringBuilder text = new StringBuilder("*").append(SlackText.escape(rule.name())).append("*");
            if (rule.description() != null && !rule.description().isBlank()) {
                text.append("\n").append(SlackText.escape(rule.description()));
            }
            if (rule.rationale() != null && !rule.rationale().isBlank()) {
                text.append("\n_").append(SlackText.escape(rule.rationale())).append("_");
            }
            blocks.add(section(s -> s.text(markdownText(SlackText.limit(text.toString(), SECTION_LIMIT)))));
        }
        String more = rules.size() > room ? "%d more rules; ".formatted(rules.size() - room) : "";
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

    private static String rules(RecommendationDocument rec, List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids.stream().map(id -> "_" + SlackText.escape(ruleName(rec, id)) + "_").toList());
    }

    private static String ruleName(RecommendationDocument rec, String id) {
        RuleText rule = rec.rules().get(id);
        return rule == null ? id : rule.name();
    }

    /** The answers behind a conclusion: each question with the answer given. */
    private static String because(RecommendationDocument rec, List<String> questions) {
        StringBuilder text = new StringBuilder();
        for (String question : questions) {
            RecommendationDocument.AnswerText a = rec.answers().get(question);
            text.append("\n• ").append(SlackText.escape(a == null ? question : a.text()))
                    .append(" → *").append(SlackText.escape(a == null ? "" : a.label())).append("*");
        }
        return text.toString();
    }

    /** For a strategy chosen by votes: each vote for it, its points and reason, and the answers behind it. */
    private static String votes(RecommendationDocument rec) {
        StringBuilder text = new StringBuilder();
        for (RecommendationDocument.Vote v : rec.votes()) {
            if (v.strategy().equals(rec.strategy()) && v.rule() != null && rec.strategyReasons().rules().contains(v.rule())) {
                text.append("\n*").append(v.points() >= 0 ? "+" : "").append(v.points()).append("* ")
                        .append(SlackText.escape(v.reason() == null ? ruleName(rec, v.rule()) : v.reason()));
                List<String> given = v.answers().stream().map(rec.answers()::get).filter(java.util.Objects::nonNull)
                        .map(a -> SlackText.escape(a.label())).toList();
                if (!given.isEmpty()) {
                    text.append(" (your answer").append(given.size() == 1 ? ": " : "s: ").append(String.join("; ", given)).append(")");
                }
            }
        }
        return text.isEmpty() ? "" : "\n*Votes that decided it*" + text;
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
