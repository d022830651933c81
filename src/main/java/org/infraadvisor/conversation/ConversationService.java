package org.infraadvisor.conversation;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.format.Readable;
import org.infraadvisor.ops.AdvisorMetrics;
import org.infraadvisor.store.AnswerRecord;
import org.infraadvisor.store.AnswerRepository;
import org.infraadvisor.store.ConversationRecord;
import org.infraadvisor.store.ConversationRepository;
import org.infraadvisor.store.RecommendationRecord;
import org.infraadvisor.store.RecommendationRepository;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one path every channel takes: start a conversation, answer (or re-answer) a question, read it back.
 * Validates against the dialogue, evaluates with the serving rules, and commits before it answers.
 */
@Singleton
public class ConversationService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final RuleSetHolder rules;
    private final AdvisorEngine engine;
    private final ConversationRepository conversations;
    private final AnswerRepository answers;
    private final RecommendationRepository recommendations;
    private final AnswerCodec codec;
    private final AdvisorMetrics metrics;

    public ConversationService(RuleSetHolder rules, AdvisorEngine engine, ConversationRepository conversations,
                               AnswerRepository answers, RecommendationRepository recommendations, AnswerCodec codec,
                               AdvisorMetrics metrics) {
        this.rules = rules;
        this.engine = engine;
        this.conversations = conversations;
        this.answers = answers;
        this.recommendations = recommendations;
        this.codec = codec;
        this.metrics = metrics;
    }

    @Transactional
    public ConversationView start(String flowId, String channel) {
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, flowId);
        Instant now = now();
        ConversationRecord saved = conversations.save(new ConversationRecord(newId(), flow.id(), ConversationView.ACTIVE, channel, now, now,
                newId(), null));
        metrics.conversationStarted(channel);
        return view(ruleSet, flow, saved, List.of(), null);
    }

    /** Reads from one snapshot, so a turn committing meanwhile is seen whole or not at all. */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ConversationView get(String id) {
        ConversationRecord c = find(id);
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, c.flow());
        Recommendation rec = recommendations.findById(id).map(r -> codec.readObject(r.bodyJson(), Recommendation.class)).orElse(null);
        return view(ruleSet, flow, c, answers.findByConversationIdOrderByAnsweredAt(id), rec);
    }

    /**
     * The conversation behind a read-only share link, for showing its advice; 404 for a token that is unknown or
     * revoked. Callers must not hand out the id of what they get.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ConversationView readShared(String shareToken) {
        ConversationRecord c = (VALID_ID.matcher(shareToken).matches() ? conversations.findByShareToken(shareToken)
                : Optional.<ConversationRecord>empty()).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "no shared advice at this link: it was never issued, or its owner stopped sharing or made a new link"));
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, c.flow());
        Recommendation rec = recommendations.findById(c.id()).map(r -> codec.readObject(r.bodyJson(), Recommendation.class)).orElse(null);
        return view(ruleSet, flow, c, answers.findByConversationIdOrderByAnsweredAt(c.id()), rec);
    }

    /** Gives the conversation a new share token; links with the previous one stop working. Returns the new token. */
    @Transactional
    public String newShareToken(String id) {
        String token = newId();
        conversations.update(find(id).withShareToken(token, now()));
        return token;
    }

    /** Turns sharing off: every link with the conversation's share token stops working, until a new one is made. */
    @Transactional
    public void stopSharing(String id) {
        ConversationRecord c = find(id);
        if (c.shareToken() != null) {
            conversations.update(c.withShareToken(null, now()));
        }
    }

    /**
     * Records an answer. Answering an earlier question again replaces that answer; answers to questions that
     * are no longer asked are dropped; when nothing is left to ask, the recommendation is (re-)evaluated.
     * Nothing changes when the answer is invalid; a concurrent change of the same conversation gives 409.
     */
    @Transactional
    public ConversationView answer(String id, String questionId, JsonNode value) {
        ConversationRecord c = find(id);
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, c.flow());
        if (questionId == null || questionId.isBlank()) {
            throw new InvalidAnswerException("the body needs 'question' (a question id) and 'value'");
        }
        Question q = flow.question(questionId).orElseThrow(() -> new InvalidAnswerException(
                "flow '%s' has no question '%s'".formatted(flow.id(), shorten(questionId))));
        List<AnswerRecord> stored = answers.findByConversationIdOrderByAnsweredAt(id);
        Map<String, Object> current = decode(stored);
        if (!new DialogueState(flow, current).isAsked(q.id())) {
            throw new InvalidAnswerException("question '%s' is not asked given the answers so far".formatted(q.id()));
        }
        Object canonical = AnswerValues.canonical(q, value);

        Map<String, Object> next = new LinkedHashMap<>(current);
        next.put(q.id(), canonical);
        DialogueState state = new DialogueState(flow, next);
        Map<String, Object> kept = state.effectiveAnswers();

        Recommendation rec = state.isComplete() ? evaluate(ruleSet, flow, kept) : null;
        String valueJson = storable(q, codec.write(canonical));
        String recommendationJson = rec == null ? null : storable(rec);

        // The versioned update comes first: it locks the conversation row until commit, so a concurrent turn that
        // read the same version fails here with an OptimisticLockException (409) before it touches any answer row,
        // and every write below happens with the row held.
        Instant now = now();
        ConversationRecord updated = conversations.update(
                c.withStatus(state.isComplete() ? ConversationView.COMPLETED : ConversationView.ACTIVE, now));

        List<String> dropped = stored.stream().map(AnswerRecord::question)
                .filter(question -> !kept.containsKey(question) || question.equals(q.id())).toList();
        if (!dropped.isEmpty()) {
            answers.deleteByConversationIdAndQuestionIn(id, dropped);
        }
        AnswerRecord saved = answers.save(new AnswerRecord(null, id, q.id(), valueJson, now));

        // A conversation has a stored recommendation only while it is completed (both change in this transaction),
        // so the turns of an active conversation need no recommendation query at all.
        boolean mayHaveRecommendation = !ConversationView.ACTIVE.equals(c.status());
        if (rec != null) {
            RecommendationRecord row = new RecommendationRecord(id, ruleSet.version(), recommendationJson, now);
            if (mayHaveRecommendation && recommendations.existsById(id)) {
                recommendations.update(row);
            } else {
                recommendations.save(row);
            }
        } else if (mayHaveRecommendation) {
            recommendations.deleteById(id);
        }
        metrics.turn(c.channel());
        return view(ruleSet, flow, updated, afterTurn(stored, dropped, saved), rec);
    }

    /**
     * The answer as it will be stored, refused (422) when it does not fit: the question's limit counts characters as
     * typed, but stored JSON writes a control character or half an emoji as six ({@code \u0001}).
     */
    private static String storable(Question q, String valueJson) {
        if (valueJson.length() > AnswerRecord.MAX_VALUE_JSON) {
            throw new InvalidAnswerException(("the answer to question '%s' is too long to store: written out it takes %s characters "
                    + "and %s fit (emoji and control characters take up to 12 each); shorten it").formatted(q.id(),
                    Readable.number(valueJson.length()), Readable.number(AnswerRecord.MAX_VALUE_JSON)));
        }
        return valueJson;
    }

    /** The advice as it will be stored; answers can only make it this large through very long texts that rules repeat. */
    private String storable(Recommendation rec) {
        String json = codec.write(rec);
        if (json.length() > RecommendationRecord.MAX_BODY_JSON) {
            throw new InvalidAnswerException("the advice for these answers is too large to store (%s characters, %s fit); shorten the longest text answers"
                    .formatted(Readable.number(json.length()), Readable.number(RecommendationRecord.MAX_BODY_JSON)));
        }
        return json;
    }

    /** The stored answers after this turn, without reading them back: the old ones less the dropped, plus the new one. */
    private static List<AnswerRecord> afterTurn(List<AnswerRecord> stored, List<String> dropped, AnswerRecord saved) {
        List<AnswerRecord> result = new ArrayList<>(stored.size() + 1);
        stored.stream().filter(a -> !dropped.contains(a.question())).forEach(result::add);
        result.add(saved);
        return result;
    }

    /** Evaluates answers without storing anything; missing answers count as unknown. */
    public Recommendation evaluate(String flowId, Map<String, JsonNode> given) {
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, flowId);
        return evaluate(ruleSet, flow, canonical(flow, given));
    }

    /** Checks each given answer against its question and returns the canonical values; 422 on the first bad one. */
    public static Map<String, Object> canonical(Flow flow, Map<String, JsonNode> given) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : given.entrySet()) {
            Question q = flow.question(e.getKey()).orElseThrow(() -> new InvalidAnswerException(
                    "flow '%s' has no question '%s'".formatted(flow.id(), shorten(e.getKey()))));
            canonical.put(q.id(), AnswerValues.canonical(q, e.getValue()));
        }
        return canonical;
    }

    /** Erases a conversation with its answers and recommendation (the store cascades); unknown ids give 404. */
    @Transactional
    public void erase(String id) {
        find(id);
        conversations.deleteById(id);
        metrics.conversationErased();
    }

    private Recommendation evaluate(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        return metrics.timeEvaluation(() -> engine.evaluate(ruleSet, flow, answers));
    }

    private ConversationView view(RuleSet ruleSet, Flow flow, ConversationRecord c, List<AnswerRecord> stored, Recommendation rec) {
        Map<String, Object> values = decode(stored);
        DialogueState state = new DialogueState(flow, values);
        Map<String, AnswerRecord> byQuestion = new LinkedHashMap<>();
        stored.forEach(a -> byQuestion.put(a.question(), a));
        List<ConversationView.AnswerView> answerViews = new ArrayList<>();
        for (Question q : flow.questions()) {
            AnswerRecord a = byQuestion.get(q.id());
            if (a != null) {
                Object value = values.get(q.id());
                answerViews.add(new ConversationView.AnswerView(q.id(), value, a.answeredAt(), q.text(), label(q, value)));
            }
        }
        ConversationView.QuestionView question = state.next().map(ConversationView.QuestionView::of).orElse(null);
        return new ConversationView(c.id(), c.flow(), c.status(), answerViews, question, state.progress(), rec,
                c.createdAt(), c.updatedAt(), c.shareToken());
    }

    static String label(Question q, Object value) {
        if (AnswerValues.UNKNOWN.equals(value)) {
            return "I don't know";
        }
        if (q == null) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(v -> q.labelOf(String.valueOf(v))).toList());
        }
        if (value instanceof Number n) {
            return AnswerValues.format(n.doubleValue()) + (q.unit() == null ? "" : " " + q.unit());
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        return q.labelOf(String.valueOf(value));
    }

    private Map<String, Object> decode(List<AnswerRecord> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        stored.forEach(a -> values.put(a.question(), codec.read(a.valueJson())));
        return values;
    }

    private ConversationRecord find(String id) {
        // Ids are made by newId(); anything else cannot exist, and is not sent to the database (PostgreSQL refuses NUL).
        return (VALID_ID.matcher(id).matches() ? conversations.findById(id) : Optional.<ConversationRecord>empty()).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "no conversation with id '%s'".formatted(shorten(id))));
    }

    /** The flow of that id in the rule set; 422 when no id is given, 404 when there is no such flow. */
    public static Flow flow(RuleSet ruleSet, String flowId) {
        if (flowId == null || flowId.isBlank()) {
            throw new InvalidAnswerException("'flow' is required; available flows: " + ruleSet.flows().keySet());
        }
        return ruleSet.flow(flowId).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "no flow '%s'; available flows: %s".formatted(shorten(flowId), ruleSet.flows().keySet())));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** 160 random bits, URL-safe: conversation ids and share tokens alike. */
    private static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
