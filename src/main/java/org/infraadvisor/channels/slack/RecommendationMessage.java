package org.infraadvisor.channels.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import io.micronaut.core.annotation.Nullable;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.Headline;
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
 * The recommendation as Block Kit: the {@link Headline} (strategy, confidence, deciding reasons with the user's answers,
 * accelerator and cost, costs, top risks, next step), the other accelerators and the readiness in a line each, and buttons for the reasons ("Why?"), the full report, starting over and changing an answer.
 * Everything shown comes from the {@link RecommendationDocument}; nothing is decided here.
 */
final class RecommendationMessage {

    private static final int SECTION_LIMIT = 2900;
    private static final int MAX_BLOCKS = 50;
    private static final int BAR_BLOCKS = 12;

    private RecommendationMessage() {
    }

    static String title(RecommendationDocument rec) {
        return rec.strategy() == null ? "Recommendation" : "Recommendation: " + Readable.strategy(rec.strategy());
    }

    /**
     * The headline first, as on page one of the report: strategy and confidence, the reasons that decided it with the
     * user's own answers, the recommended accelerator and its cost, the cost of each strategy, the top risks and the
     * next step; then the other accelerators and the readiness in a line each. The rest is behind "Why?" and the report.
     *
     * @param reportUrl the report's read-only share link; null when the owner turned sharing off (then no link is shown)
     */
    static List<LayoutBlock> render(ConversationView conversation, RecommendationDocument rec, @Nullable String reportUrl) {
        String ref = BlockRef.refOf(conversation.id());
        Headline top = Headline.of(rec);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.limit(title(rec), 150)))));
        blocks.add(section(s -> s.fields(List.of(
                markdownText("*Strategy*\n" + SlackText.escape(rec.strategy() == null ? "undecided" : top.strategy())),
                markdownText("*Confidence*\n" + (top.confidence() == null ? "n/a" : top.confidence()))))));
        List<Headline.Reason> reasons = top.reasons();
        if (!reasons.isEmpty()) {
            blocks.add(text("*" + SlackText.escape(top.whyHeading()) + "*", reasons, RecommendationMessage::reason));
        } else if (rec.summary() != null && !rec.summary().isBlank()) {
            blocks.add(section(s -> s.text(markdownText(SlackText.limit(SlackText.escape(rec.summary()), SECTION_LIMIT)))));
        }
        top.accelerator().ifPresent(a -> blocks.add(section(s -> s.text(markdownText(SlackText.limit("*Recommended accelerator*\n*"
                + SlackText.escape(Headline.accelerator(a)) + "*" + (top.costSentence() == null ? "" : " — " + SlackText.escape(top.costSentence())),
                SECTION_LIMIT))))));
        if (!top.costs().isEmpty()) {
            blocks.add(text("*Cost " + SlackText.escape(top.horizon()) + "*", top.costs(), c -> "`" + bar(c.totalUsd(), top.largestCost()) + "` "
                    + SlackText.escape(Readable.strategy(c.strategy())) + " *" + Readable.money(c.totalUsd()) + "*"
                    + (top.recommended(c) ? " (recommended)" : "")));
        }
        if (!top.topRisks().isEmpty()) {
            blocks.add(text("*Top risks*", top.topRisks(), r -> severity(r.severity()) + " " + SlackText.escape(Readable.severity(r.severity()))
                    + ": *" + SlackText.escape(r.title()) + "*"));
        }
        top.nextStep().ifPresent(p -> blocks.add(section(s -> s.text(markdownText(SlackText.limit("*Next step*\n*" + SlackText.escape(p.title())
                + "*" + (p.detail() == null || p.detail().isBlank() ? "" : " — " + SlackText.escape(p.detail())), SECTION_LIMIT))))));
        blocks.add(divider());
        if (rec.accelerators().size() > 1) {
            blocks.add(context(List.of(markdownText(SlackText.limit("*Also fit:* " + String.join(" · ", rec.accelerators().stream().skip(1)
                    .map(a -> SlackText.escape(Headline.accelerator(a))).toList()), SECTION_LIMIT)))));
        }
        if (!rec.readiness().isEmpty()) {
            blocks.add(context(List.of(markdownText(SlackText.limit("*Readiness:* " + String.join(" · ", rec.readiness().stream()
                    .map(r -> readiness(r.status()) + " " + SlackText.escape(Readable.pillar(r.pillar())) + ": "
                            + SlackText.escape(Readable.readiness(r.status()))).toList()), SECTION_LIMIT)))));
        }
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
        blocks.add(header(h -> h.text(plainText(SlackText.limit((rec.strategy() == null ? "Why this advice" : Headline.of(rec).whyHeading()) + "?", 150)))));
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

    private static <T> LayoutBlock text(String heading, List<T> items, Function<T, String> line) {
        StringBuilder text = new StringBuilder(heading);
        items.forEach(item -> text.append("\n• ").append(line.apply(item)));
        return section(s -> s.text(markdownText(SlackText.limit(text.toString(), SECTION_LIMIT))));
    }

    /** "*+3* No operations team (your answer: No infrastructure team)", a vote for another strategy saying so. */
    private static String reason(Headline.Reason r) {
        return (r.points() == null ? "" : "*" + r.points() + "* ")
                + (r.against() == null ? "" : "_for " + SlackText.escape(r.against()) + ":_ ")
                + SlackText.escape(r.text())
                + (r.yourAnswers().isEmpty() ? "" : " (" + SlackText.escape(r.yourAnswers()) + ")");
    }

    /** A bar of block characters as long as a cost's share of the largest, for a chart in plain text. */
    private static String bar(double cost, double largest) {
        int blocks = largest <= 0 ? 0 : (int) Math.max(1, Math.round(BAR_BLOCKS * cost / largest));
        return "█".repeat(blocks) + " ".repeat(BAR_BLOCKS - blocks);
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
