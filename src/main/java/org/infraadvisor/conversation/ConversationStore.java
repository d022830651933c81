package org.infraadvisor.conversation;

import org.infraadvisor.advice.Advice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations are kept: the conversation, its answers as canonical values, and a snapshot of its advice with
 * the rules version that produced it. Implemented by the store adapter; every method runs in the caller's transaction.
 */
public interface ConversationStore {

    /**
     * A stored conversation; {@code version} makes concurrent turns fail instead of overwrite. The id is the owner's
     * key (read, answer, erase); {@code shareToken}, when set, only reads the advice.
     */
    record Stored(String id, String flow, String status, String channel, Instant createdAt, Instant updatedAt, String shareToken,
                  Long version) {

        public Stored withStatus(String newStatus, Instant now) {
            return new Stored(id, flow, newStatus, channel, createdAt, now, shareToken, version);
        }

        public Stored withShareToken(String token, Instant now) {
            return new Stored(id, flow, status, channel, createdAt, now, token, version);
        }
    }

    record StoredAnswer(String question, Object value, Instant answeredAt) {
    }

    Stored insert(Stored conversation);

    Optional<Stored> find(String id);

    /** The conversation a read-only share link points at. */
    Optional<Stored> findByShareToken(String shareToken);

    /**
     * Writes the changed conversation, failing with an optimistic-lock error when another turn changed it first. Its
     * share token is not written here: {@link #share}.
     */
    Stored update(Stored conversation);

    /**
     * Gives the conversation a new read-only share token, or none ({@code token} null), as a change of the conversation
     * (an optimistic-lock error when another turn changed it first); links with the previous token stop working.
     */
    Stored share(Stored conversation, String token, Instant now);

    /** Deletes the conversation with its answers and advice. */
    void delete(String id);

    /** The answers in the order they were given. */
    List<StoredAnswer> answers(String conversationId);

    /**
     * Stores an answer. A value that is valid for its question but would not fit where answers are stored (free text
     * of control characters or emoji takes far more room as stored) is refused with an invalid answer naming the
     * question; the caller's transaction then changes nothing.
     */
    StoredAnswer saveAnswer(String conversationId, String question, Object value, Instant answeredAt);

    void deleteAnswers(String conversationId, Collection<String> questions);

    Optional<Advice> advice(String conversationId);

    /**
     * Stores the advice, replacing any stored before ({@code mayExist} false: none is, so it is inserted without trying
     * to replace one).
     * Advice too large to store (only very long text answers that rules repeat could make it so) is an invalid answer.
     */
    void saveAdvice(String conversationId, Advice advice, Instant at, boolean mayExist);

    void deleteAdvice(String conversationId);
}
