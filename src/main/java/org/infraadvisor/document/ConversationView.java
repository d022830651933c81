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
 * A conversation as its owner sees it in the API and every channel: answers so far, the next question or the
 * recommendation. {@code id} is the owner's key (read, answer, erase); {@code shareToken} is the read-only key that
 * links to the advice carry ({@code /api/shared/{shareToken}…}), null while sharing is off.
 */
@Serdeable
public record ConversationView(String id, String flow, String status, List<AnswerView> answers,
                               @Nullable @Schema(type = "object") QuestionView question, DialogueState.Progress progress,
                               @Nullable @Schema(type = "object") RecommendationDocument recommendation, Instant createdAt, Instant updatedAt,
                               @Nullable String shareToken) {

    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";

    /** An answer with the question's text and a readable label, so clients can show the history as is. */
    @Serdeable
    public record AnswerView(String question, Object value, Instant answeredAt, String text, String label) {
    }

    @Serdeable
    public record QuestionView(String id, String text, @Nullable String help, String type, List<Option> options,
                               @Nullable Double min, @Nullable Double max, @Nullable String unit,
                               @Nullable Integer maxLength, boolean allowUnknown) {

        public static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.text(), q.help(), q.type().jsonName(), q.options(), q.min(), q.max(), q.unit(),
                    q.maxLength(), true);
        }
    }
}
