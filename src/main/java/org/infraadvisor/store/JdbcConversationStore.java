package org.infraadvisor.store;

import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.conversation.ConversationStore;
import org.infraadvisor.conversation.Ids;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.format.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Keeps conversations in the database through Micronaut Data repositories (H2 or PostgreSQL). */
@Singleton
class JdbcConversationStore implements ConversationStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversationStore.class);

    private final ConversationRepository conversations;
    private final AnswerRepository answers;
    private final AdviceRepository advice;
    private final AnswerCodec answerCodec;
    private final AdviceSnapshotCodec adviceCodec;
    private final TurnStatements turns;
    private final ShareRepository shares;

    JdbcConversationStore(ConversationRepository conversations, AnswerRepository answers, AdviceRepository advice,
                          AnswerCodec answerCodec, AdviceSnapshotCodec adviceCodec, TurnStatements turns,
                          ShareRepository shares) {
        this.conversations = conversations;
        this.answers = answers;
        this.advice = advice;
        this.answerCodec = answerCodec;
        this.adviceCodec = adviceCodec;
        this.turns = turns;
        this.shares = shares;
    }

    @Override
    public Stored insert(Stored c) {
        ConversationRecord saved = conversations.save(record(c));
        if (c.shareToken() != null) {
            shares.save(new ShareRecord(c.id(), c.shareToken()));
        }
        return stored(saved, c.shareToken());
    }

    @Override
    public Optional<Stored> find(String id) {
        return turns.findConversation(id).map(JdbcConversationStore::stored);
    }

    @Override
    public Optional<Stored> findByShareToken(String shareToken) {
        return turns.findByShareToken(shareToken).map(JdbcConversationStore::stored);
    }

    @Override
    public Stored update(Stored c) {
        return stored(turns.update(record(c)), c.shareToken());
    }

    @Override
    public Stored share(Stored c, String token, Instant now) {
        Stored updated = update(c.withShareToken(token, now));
        shares.deleteById(c.id());
        if (token != null) {
            shares.save(new ShareRecord(c.id(), token));
        }
        return updated;
    }

    @Override
    public void delete(String id) {
        conversations.deleteById(id);
    }

    @Override
    public List<StoredAnswer> answers(String conversationId) {
        return turns.answers(conversationId).stream()
                .map(a -> new StoredAnswer(a.question(), answerCodec.read(a.valueJson()), a.answeredAt())).toList();
    }

    @Override
    public StoredAnswer saveAnswer(String conversationId, String question, Object value, Instant answeredAt) {
        turns.insertAnswer(conversationId, question, storable(question, answerCodec.write(value)), answeredAt);
        return new StoredAnswer(question, value, answeredAt);
    }

    /**
     * The answer as it will be stored, refused when it does not fit: the question's limit counts characters as typed,
     * but stored JSON writes a control character or half an emoji as six ({@code \u0001}).
     */
    private static String storable(String question, String valueJson) {
        if (valueJson.length() > AnswerRecord.MAX_VALUE_JSON) {
            throw new InvalidAnswerException(("the answer to question '%s' is too long to store: written out it takes %s characters "
                    + "and %s fit (emoji and control characters take up to 12 each); shorten it").formatted(question,
                    Readable.number(valueJson.length()), Readable.number(AnswerRecord.MAX_VALUE_JSON)));
        }
        return valueJson;
    }

    @Override
    public void deleteAnswers(String conversationId, Collection<String> questions) {
        answers.deleteByConversationIdAndQuestionIn(conversationId, questions);
    }

    /** A snapshot this version cannot read (written by a newer one) counts as absent: the advice is worked out again. */
    @Override
    public Optional<Advice> advice(String conversationId) {
        return advice.findById(conversationId).flatMap(r -> {
            try {
                return Optional.of(adviceCodec.read(r.adviceFormat(), r.adviceJson()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Stored advice of conversation {} not read: {}", Ids.logRef(conversationId), e.getMessage());
                return Optional.empty();
            }
        });
    }

    @Override
    public void saveAdvice(String conversationId, Advice a, Instant at, boolean mayExist) {
        String json = adviceCodec.write(a);
        if (json.length() > AdviceRecord.MAX_ADVICE_JSON) {
            throw new InvalidAnswerException("the advice for these answers is too large to store (%s characters, %s fit); shorten the longest text answers"
                    .formatted(Readable.number(json.length()), Readable.number(AdviceRecord.MAX_ADVICE_JSON)));
        }
        AdviceRecord row = new AdviceRecord(conversationId, a.rulesVersion(), AdviceSnapshotCodec.FORMAT, json, at);
        if (!mayExist || !turns.updateAdvice(row)) {
            turns.insertAdvice(row);
        }
    }

    @Override
    public void deleteAdvice(String conversationId) {
        advice.deleteById(conversationId);
    }

    private static ConversationRecord record(Stored c) {
        return new ConversationRecord(c.id(), c.flow(), c.status(), c.channel(), c.createdAt(), c.updatedAt(), c.version());
    }

    private static Stored stored(TurnStatements.ConversationRow row) {
        return stored(row.conversation(), row.shareToken());
    }

    private static Stored stored(ConversationRecord r, String shareToken) {
        return new Stored(r.id(), r.flow(), r.status(), r.channel(), r.createdAt(), r.updatedAt(), shareToken, r.version());
    }
}
