package org.infraadvisor.channels.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.ConversationView.QuestionView;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Option;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * A question as a Block Kit message: buttons for a choice (a select when there are many options), checkboxes
 * and a submit button for several choices, a button that opens a modal for a number or text (a reply in the
 * thread works too), and "I don't know" always. Once answered, the message shows the answer and no controls.
 */
final class QuestionMessage {

    /** More options than this become a select menu instead of a row of buttons. */
    static final int MAX_BUTTONS = 8;
    /** Slack allows at most 10 checkboxes in one element. */
    static final int MAX_CHECKBOXES = 10;
    static final String DONT_KNOW = "I don't know";
    static final String FINISH = "Finish now";

    private QuestionMessage() {
    }

    /** The message a conversation's thread hangs from, when it was started with the slash command or a button. */
    static List<LayoutBlock> intro(String userId, String flowTitle) {
        return List.of(
                section(s -> s.text(markdownText("*Infra Advisor* — %s\n<@%s> asked for advice. The questions follow in this thread: "
                        .formatted(SlackText.escape(flowTitle), userId) + "click an answer, or *" + DONT_KNOW + "*."))),
                context(List.of(markdownText("`/advisor restart` starts over · `/advisor change <question>` changes an answer · `/advisor help`"))));
    }

    /**
     * @param conversationRef the conversation's {@link BlockRef#refOf reference} (never its id: the message is in a channel)
     * @param note            a line under the question: progress ("Question 3 of about 12") or the answer being changed
     */
    static List<LayoutBlock> ask(String conversationRef, QuestionView q, String note) {
        return ask(conversationRef, q, note, null, false);
    }

    /**
     * @param soFar     the advice for the answers so far ({@link #soFar}), shown above the question; null before the
     *                  first answer, when an earlier answer is being changed and when the service gives no preview
     * @param canFinish whether to offer "Finish now" (after the first answer, whether or not there is a preview)
     */
    static List<LayoutBlock> ask(String conversationRef, QuestionView q, String note, String soFar, boolean canFinish) {
        BlockRef ref = BlockRef.question(conversationRef, q.id());
        List<LayoutBlock> blocks = new ArrayList<>();
        if (soFar != null) {
            blocks.add(context(List.of(markdownText(SlackText.escape(soFar)))));
        }
        blocks.add(section(s -> s.text(markdownText("*" + SlackText.limit(SlackText.escape(q.text()), 2900) + "*"))));
        if (q.refinement()) {
            blocks.add(context(List.of(markdownText("_" + SlackText.escape(Readable.REFINEMENT) + "_"))));
        }
        if (q.help() != null && !q.help().isBlank()) {
            blocks.add(context(List.of(markdownText(SlackText.limit(SlackText.escape(q.help()), 2900)))));
        }
        List<BlockElement> controls = new ArrayList<>();
        switch (q.type()) {
            case "choice" -> controls.addAll(choices(q));
            case "boolean" -> {
                controls.add(answerButton(SlackActions.ANSWER_PREFIX + "yes", "Yes", "yes"));
                controls.add(answerButton(SlackActions.ANSWER_PREFIX + "no", "No", "no"));
            }
            case "multi" -> {
                blocks.add(actions(BlockRef.pick(conversationRef, q.id()).encode(), List.of(picker(q))));
                controls.add(button(b -> b.actionId(SlackActions.MULTI_SUBMIT).text(plainText("Submit")).style("primary")));
            }
            default -> {
                String prompt = "number".equals(q.type()) ? "Enter a number…" : "Type an answer…";
                controls.add(button(b -> b.actionId(SlackActions.OPEN_INPUT).text(plainText(prompt)).style("primary")));
                blocks.add(context(List.of(markdownText("Or reply in this thread with your answer" + range(q) + "."))));
            }
        }
        controls.add(answerButton(SlackActions.ANSWER_UNKNOWN, DONT_KNOW, AnswerValues.UNKNOWN));
        blocks.add(actions(ref.encode(), controls));
        if (canFinish) {
            blocks.add(actions(BlockRef.finish(conversationRef, q.id()).encode(),
                    List.of(button(b -> b.actionId(SlackActions.FINISH).text(plainText(FINISH))))));
        }
        blocks.add(context(List.of(markdownText(SlackText.escape(note)))));
        return blocks;
    }

    /** The line above a question: "So far: Hybrid · 18 × AMD Instinct MI300X · 63% sure"; null without a preview. */
    static String soFar(ConversationView.Preview preview) {
        if (preview == null) {
            return null;
        }
        ConversationView.Accelerator a = preview.accelerator();
        return Readable.soFar(preview.strategy(), a == null ? null : a.vendor() + " " + a.model(), a == null ? 0 : a.count(),
                preview.confidence());
    }

    /** The question once answered: the question, the answer, and a button that asks it again to change it. */
    static List<LayoutBlock> answered(String conversationRef, String questionId, String questionText, String answerLabel) {
        return List.of(
                section(s -> s.text(markdownText("*" + SlackText.limit(SlackText.escape(questionText), 2900) + "*\n:white_check_mark: "
                        + SlackText.limit(SlackText.escape(answerLabel), 2000)))),
                changeButton(conversationRef, questionId, "Change this answer"));
    }

    /** A question message that can no longer be answered (restarted, or no longer asked after a change). */
    static List<LayoutBlock> retired(String questionText, String why) {
        return List.of(section(s -> s.text(markdownText("~" + SlackText.limit(SlackText.escape(questionText), 2900) + "~\n_"
                + SlackText.escape(why) + "_"))));
    }

    /** A question left open by "Finish now": it takes no answer here, but a button asks it again. */
    static List<LayoutBlock> leftOpen(String conversationRef, String questionId, String questionText) {
        List<LayoutBlock> blocks = new ArrayList<>(retired(questionText, "Left open: you asked for the advice now."));
        blocks.add(changeButton(conversationRef, questionId, "Answer it now"));
        return blocks;
    }

    private static LayoutBlock changeButton(String conversationRef, String questionId, String label) {
        return actions(BlockRef.change(conversationRef, questionId).encode(),
                List.of(button(b -> b.actionId(SlackActions.CHANGE_ONE).text(plainText(label)).value(questionId))));
    }

    /** The modal that takes a number or a text answer; Slack checks the number range, the service checks again. */
    static View modal(QuestionView q, ModalMetadata metadata) {
        boolean number = "number".equals(q.type());
        BlockElement element = number
                ? numberInput(n -> n.actionId(SlackActions.MODAL_ELEMENT).decimalAllowed(!q.whole())
                        .minValue(q.min() == null ? null : AnswerValues.format(q.min()))
                        .maxValue(q.max() == null ? null : AnswerValues.format(q.max())).focusOnLoad(true))
                : plainTextInput(t -> t.actionId(SlackActions.MODAL_ELEMENT).multiline(true).focusOnLoad(true)
                        .maxLength(Math.min(q.maxLength() == null ? AnswerValues.DEFAULT_TEXT_LIMIT : q.maxLength(), 3000)));
        String label = q.unit() == null ? "Your answer" : Readable.capitalize(q.unit());
        return view(v -> v.type("modal").callbackId(SlackActions.MODAL_CALLBACK).privateMetadata(metadata.encode())
                .title(viewTitle(t -> t.type("plain_text").text("Infra Advisor")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Answer")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("*" + SlackText.limit(SlackText.escape(q.text()), 2900) + "*"))),
                        input(i -> i.blockId(SlackActions.MODAL_BLOCK).label(plainText(SlackText.limit(label, 2000)))
                                .hint(plainText(SlackText.limit(hint(q), 2000))).element(element)))));
    }

    private static List<BlockElement> choices(QuestionView q) {
        if (q.options().size() > MAX_BUTTONS) {
            return List.of(staticSelect(s -> s.actionId(SlackActions.ANSWER_SELECT).placeholder(plainText("Choose…"))
                    .options(options(q.options()))));
        }
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            Option o = q.options().get(i);
            buttons.add(answerButton(SlackActions.ANSWER_PREFIX + i, o.label(), o.value()));
        }
        return buttons;
    }

    private static BlockElement picker(QuestionView q) {
        if (q.options().size() > MAX_CHECKBOXES) {
            return multiStaticSelect(s -> s.actionId(SlackActions.MULTI_PICK).placeholder(plainText("Choose…"))
                    .options(options(q.options())));
        }
        return checkboxes(c -> c.actionId(SlackActions.MULTI_PICK).options(options(q.options())));
    }

    private static List<OptionObject> options(List<Option> options) {
        return options.stream().map(o -> option(plainText(SlackText.limit(o.label(), 75)), o.value())).toList();
    }

    private static BlockElement answerButton(String actionId, String label, String value) {
        return button(b -> b.actionId(actionId).text(plainText(SlackText.limit(label, 75))).value(value));
    }

    private static String range(QuestionView q) {
        if (!"number".equals(q.type()) || q.min() == null && q.max() == null) {
            return "";
        }
        return " (%s to %s)".formatted(q.min() == null ? "any" : Readable.number(q.min()),
                q.max() == null ? "any" : Readable.quantity(q.max(), q.unit()));
    }

    private static String hint(QuestionView q) {
        String help = q.help() == null ? "" : q.help() + " ";
        if ("number".equals(q.type())) {
            return help + "A number" + range(q) + ".";
        }
        return help.isBlank() ? "Any text." : help;
    }
}
