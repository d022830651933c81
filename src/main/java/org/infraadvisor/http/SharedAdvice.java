package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;

import java.time.Instant;
import java.util.List;

/**
 * What a read-only share link shows: the answers and the advice, never the conversation id (which would let the
 * reader change or erase the conversation) nor the next question.
 */
@Serdeable
public record SharedAdvice(String flow, String title, String status, List<ConversationView.AnswerView> answers,
                           @Nullable @Schema(type = "object") RecommendationDocument recommendation, Instant updatedAt) {

    static SharedAdvice of(ConversationView view, String title) {
        return new SharedAdvice(view.flow(), title, view.status(), view.answers(), view.recommendation(), view.updatedAt());
    }
}
