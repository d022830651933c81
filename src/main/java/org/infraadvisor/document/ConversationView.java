package org.infraadvisor.document;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Option;
import org.infraadvisor.dialogue.Question;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as its owner sees it in the API and every channel: answers so far, the next question and the preview
 * while it is active, the recommendation when it is completed. {@code id} is the owner's key (read, answer, erase);
 * {@code shareToken} is the read-only key that links to the advice carry ({@code /api/shared/{shareToken}…}), null
 * while sharing is off.
 *
 * @param preview  while active and after the first answer: the advice for the answers so far, the rest unknown
 * @param leftOpen when the user finished early: the questions that apply and were left unanswered (counted as
 *                 unknown), in the order they would have been asked, with what answering each could change; empty
 *                 otherwise
 */
@Serdeable
public record ConversationView(String id, String flow, String status, List<AnswerView> answers,
                               @Nullable @Schema(type = "object") QuestionView question,
                               @Nullable @Schema(type = "object") Preview preview, DialogueState.Progress progress,
                               @Nullable @Schema(type = "object") RecommendationDocument recommendation,
                               List<LeftOpen> leftOpen, Instant createdAt, Instant updatedAt, @Nullable String shareToken) {

    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";

    /** An answer with the question's text and a readable label, so clients can show the history as is. */
    @Serdeable
    public record AnswerView(String question, Object value, Instant answeredAt, String text, String label) {
    }

    /**
     * @param refinement no answer to this question could change the strategy or the recommended accelerator any more;
     *                   it only refines the details (asked after every question that could)
     * @param whole      a number question that takes whole numbers only (a count of sites, of years)
     */
    @Serdeable
    public record QuestionView(String id, String text, @Nullable String help, String type, List<Option> options,
                               @Nullable Double min, @Nullable Double max, @Nullable String unit,
                               @Nullable Integer maxLength, boolean allowUnknown, boolean refinement, boolean whole) {

        /** A question outside a conversation's asking order (a flow's list of questions): not a refinement. */
        public static QuestionView of(Question q) {
            return of(q, false);
        }

        public static QuestionView of(Question q, boolean refinement) {
            return new QuestionView(q.id(), q.text(), q.help(), q.type().jsonName(), q.options(), q.min(), q.max(), q.unit(),
                    q.maxLength(), true, refinement, q.whole());
        }
    }

    /**
     * The head of the advice for the answers so far, the rest unknown: what {@code POST /api/evaluate} would recommend
     * for them.
     *
     * @param strategy    null when the rules recommend none
     * @param confidence  0..1, as in the recommendation
     * @param accelerator the top-ranked accelerator; null when none is recommended
     * @param couldChange the open questions (ids) whose answer could still change the strategy or the recommended
     *                    accelerator, in the order they will be asked; while {@code ranked} is false, those the rules'
     *                    analysis does not rule out (never fewer than the search finds, possibly more)
     * @param ranked      whether the asking order and {@code couldChange} were worked out for exactly these answers; false
     *                    for a moment after a turn that reached answers not seen before (the order is then the one of the
     *                    conversation's previous state, and a later read of the conversation has the worked-out one)
     */
    @Serdeable
    public record Preview(@Nullable String strategy, double confidence, @Nullable @Schema(type = "object") Accelerator accelerator,
                          List<String> couldChange, boolean ranked) {
    }

    /** An accelerator as a preview names it: who makes it, which part, and how many the load needs. */
    @Serdeable
    public record Accelerator(String vendor, String model, int count) {
    }

    /**
     * A question left open when the user finished early.
     *
     * @param strategies   the other strategies some answer to it would lead to; empty when none
     * @param accelerators the other accelerators, or counts of the same one, some answer would lead to; empty when none
     * @param refinement   no answer to it would change the strategy or the recommended accelerator
     */
    @Serdeable
    public record LeftOpen(String id, String text, List<String> strategies, List<Accelerator> accelerators, boolean refinement) {
    }
}
