package org.infraadvisor.conversation;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.conversation.ConversationStore.Stored;
import org.infraadvisor.conversation.ConversationStore.StoredAnswer;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.progress.Assessment;
import org.infraadvisor.progress.OpenQuestion;
import org.infraadvisor.progress.ProgressiveAdvisor;

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
 * The one path every channel takes: start a conversation, answer (or re-answer) a question, finish it early, read it
 * back. Validates against the dialogue, evaluates with the serving rules, and commits before it answers. While a
 * conversation is active, the {@link ProgressiveAdvisor} previews the advice and picks the most decisive question next.
 */
@Singleton
public class ConversationService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final RuleSetHolder rules;
    private final AdvisorEngine engine;
    private final ConversationStore store;
    private final ConversationMetrics metrics;
    private final ProgressiveAdvisor advisor;

    public ConversationService(RuleSetHolder rules, AdvisorEngine engine, ConversationStore store, ConversationMetrics metrics,
                               ProgressiveAdvisor advisor) {
        this.rules = rules;
        this.engine = engine;
        this.store = store;
        this.metrics = metrics;
        this.advisor = advisor;
    }

    @Transactional
    public Conversation start(String flowId, String channel) {
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, flowId);
        Instant now = now();
        DialogueState state = new DialogueState(flow, Map.of());
        Assessment assessment = assess(ruleSet, flow, state);
        Stored saved = store.insert(new Stored(newId(), flow.id(), Conversation.ACTIVE, channel, now, now, newId(), null));
        metrics.conversationStarted(channel);
        return conversation(flow, saved, List.of(), state, null, assessment);
    }

    /**
     * Reads from one snapshot, so a turn committing meanwhile is seen whole or not at all. A completed conversation
     * whose advice is not stored (e.g. a stored one could not be carried over from an older version) gets it
     * worked out again from its answers.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Conversation get(String id) {
        return read(find(id));
    }

    private Conversation read(Stored c) {
        String id = c.id();
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, c.flow());
        List<StoredAnswer> answers = store.answers(id);
        DialogueState state = new DialogueState(flow, values(answers));
        Advice advice = Conversation.COMPLETED.equals(c.status())
                ? store.advice(id).orElseGet(() -> evaluate(ruleSet, flow, state.effectiveAnswers()))
                : null;
        return conversation(flow, c, answers, state, advice, advice == null ? assess(ruleSet, flow, state) : assessExactly(ruleSet, flow, state));
    }

    /**
     * Completes the conversation now, the unanswered questions counting as unknown: the advice is what
     * {@code POST /api/evaluate} gives for the answers so far. Finishing a completed conversation changes nothing and
     * returns it as it is. Answering any question afterwards reopens it, as a changed answer does. A concurrent turn
     * of the same conversation fails (optimistic lock).
     */
    @Transactional
    public Conversation finish(String id) {
        Stored c = find(id);
        if (Conversation.COMPLETED.equals(c.status())) {
            return read(c);
        }
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, c.flow());
        List<StoredAnswer> answers = store.answers(id);
        DialogueState state = new DialogueState(flow, values(answers));
        Instant now = now();
        Stored updated = store.update(c.withStatus(Conversation.COMPLETED, now));
        Advice advice = evaluate(ruleSet, flow, state.effectiveAnswers());
        Assessment assessment = assessExactly(ruleSet, flow, state);
        store.saveAdvice(id, advice, now, false);
        metrics.turn(c.channel());
        return conversation(flow, updated, answers, state, advice, assessment);
    }

    /**
     * The conversation behind a read-only share link, for showing its advice; not found for a token that is unknown or
     * revoked. Callers must not hand out the id of what they get.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Conversation readShared(String shareToken) {
        Stored c = (VALID_ID.matcher(shareToken).matches() ? store.findByShareToken(shareToken) : Optional.<Stored>empty())
                .orElseThrow(SharedAdviceNotFoundException::new);
        return read(c);
    }

    /** Gives the conversation a new share token; links with the previous one stop working. Returns the new token. */
    @Transactional
    public String newShareToken(String id) {
        String token = newId();
        store.share(find(id), token, now());
        return token;
    }

    /** Turns sharing off: every link with the conversation's share token stops working, until a new one is made. */
    @Transactional
    public void stopSharing(String id) {
        Stored c = find(id);
        if (c.shareToken() != null) {
            store.share(c, null, now());
        }
    }

    /**
     * Records an answer. Answering an earlier question again replaces that answer; answers to questions that
     * are no longer asked are dropped; when nothing is left to ask, the advice is (re-)evaluated.
     * Nothing changes when the answer is invalid; a concurrent change of the same conversation fails (optimistic lock).
     */
    @Transactional
    public Conversation answer(String id, String questionId, JsonNode value) {
        Stored c = find(id);
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, c.flow());
        if (questionId == null || questionId.isBlank()) {
            throw new InvalidAnswerException("the body needs 'question' (a question id) and 'value'");
        }
        Question q = flow.question(questionId).orElseThrow(() -> new InvalidAnswerException(
                "flow '%s' has no question '%s'".formatted(flow.id(), Ids.shorten(questionId))));
        List<StoredAnswer> stored = store.answers(id);
        Map<String, Object> current = values(stored);
        if (!new DialogueState(flow, current).isAsked(q.id())) {
            throw new InvalidAnswerException("question '%s' is not asked given the answers so far".formatted(q.id()));
        }
        Object canonical = AnswerValues.canonical(q, value);

        Map<String, Object> next = new LinkedHashMap<>(current);
        next.put(q.id(), canonical);
        DialogueState state = new DialogueState(flow, next);
        Map<String, Object> kept = state.effectiveAnswers();

        boolean complete = state.isComplete();

        // The versioned update comes first: it locks the conversation row until commit, so a concurrent turn that
        // read the same version fails here with an optimistic-lock error before it touches any answer row or pays
        // for the evaluation and the preview, and every write below happens with the row held.
        Instant now = now();
        Stored updated = store.update(c.withStatus(complete ? Conversation.COMPLETED : Conversation.ACTIVE, now));
        Advice advice = complete ? evaluate(ruleSet, flow, kept) : null;
        Assessment assessment = assess(ruleSet, flow, state);

        List<String> dropped = stored.stream().map(StoredAnswer::question)
                .filter(question -> !kept.containsKey(question) || question.equals(q.id())).toList();
        if (!dropped.isEmpty()) {
            store.deleteAnswers(id, dropped);
        }
        StoredAnswer saved = store.saveAnswer(id, q.id(), canonical, now);

        // A conversation has stored advice only while it is completed (both change in this transaction),
        // so the turns of an active conversation need no advice query at all.
        boolean mayHaveAdvice = !Conversation.ACTIVE.equals(c.status());
        if (advice != null) {
            store.saveAdvice(id, advice, now, mayHaveAdvice);
        } else if (mayHaveAdvice) {
            store.deleteAdvice(id);
        }
        metrics.turn(c.channel());
        // The answers kept ask the same questions as the answers given (an answer to a question that is not asked
        // enables nothing), so the turn's dialogue state describes the conversation after it.
        return conversation(flow, updated, afterTurn(stored, dropped, saved), state, advice, assessment);
    }

    /** The stored answers after this turn, without reading them back: the old ones less the dropped, plus the new one. */
    private static List<StoredAnswer> afterTurn(List<StoredAnswer> stored, List<String> dropped, StoredAnswer saved) {
        List<StoredAnswer> result = new ArrayList<>(stored.size() + 1);
        stored.stream().filter(a -> !dropped.contains(a.question())).forEach(result::add);
        result.add(saved);
        return result;
    }

    /** Advice for a set of answers, with the flow it was worked out for. */
    public record Evaluated(Flow flow, Advice advice) {
    }

    /** Evaluates answers without storing anything; missing answers count as unknown. */
    public Evaluated evaluate(String flowId, Map<String, JsonNode> given) {
        RuleSet ruleSet = rules.current();
        Flow flow = flow(ruleSet, flowId);
        return new Evaluated(flow, evaluate(ruleSet, flow, canonical(flow, given)));
    }

    /** Checks each given answer against its question and returns the canonical values; invalid answer on the first bad one. */
    public static Map<String, Object> canonical(Flow flow, Map<String, JsonNode> given) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : given.entrySet()) {
            Question q = flow.question(e.getKey()).orElseThrow(() -> new InvalidAnswerException(
                    "flow '%s' has no question '%s'".formatted(flow.id(), Ids.shorten(e.getKey()))));
            canonical.put(q.id(), AnswerValues.canonical(q, e.getValue()));
        }
        return canonical;
    }

    /** Erases a conversation with its answers and advice (the store cascades). */
    @Transactional
    public void erase(String id) {
        find(id);
        store.delete(id);
        metrics.conversationErased();
    }

    private Advice evaluate(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        return metrics.timeEvaluation(() -> engine.evaluate(ruleSet, flow, answers));
    }

    /**
     * The preview and the asking order, without waiting for the search of the order (it may run after the reply);
     * nothing to work out when every question that applies has an answer, or when progressive advice is off.
     */
    private Assessment assess(RuleSet ruleSet, Flow flow, DialogueState state) {
        return state.isComplete() || !advisor.enabled() ? Assessment.NONE : advisor.assessPromptly(ruleSet, flow, state.effectiveAnswers());
    }

    /** The same, searched before it returns: what a conversation finished early lists as left open. */
    private Assessment assessExactly(RuleSet ruleSet, Flow flow, DialogueState state) {
        return state.isComplete() || !advisor.enabled() ? Assessment.NONE : advisor.assess(ruleSet, flow, state.effectiveAnswers());
    }

    private Conversation conversation(Flow flow, Stored c, List<StoredAnswer> stored, DialogueState state, Advice advice,
                                      Assessment assessment) {
        Map<String, StoredAnswer> byQuestion = new LinkedHashMap<>();
        stored.forEach(a -> byQuestion.put(a.question(), a));
        List<Conversation.GivenAnswer> answers = new ArrayList<>(stored.size());
        for (Question q : flow.questions()) {
            StoredAnswer a = byQuestion.get(q.id());
            if (a != null) {
                answers.add(new Conversation.GivenAnswer(q.id(), a.value(), a.answeredAt()));
            }
        }
        Question next = !Conversation.ACTIVE.equals(c.status()) ? null
                : advisor.enabled() ? assessment.next().map(OpenQuestion::question).orElse(null) : state.next().orElse(null);
        return new Conversation(c.id(), flow, c.status(), c.channel(), answers, next, state.progress(), advice, assessment,
                c.createdAt(), c.updatedAt(), c.shareToken());
    }

    private static Map<String, Object> values(List<StoredAnswer> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        stored.forEach(a -> values.put(a.question(), a.value()));
        return values;
    }

    private Stored find(String id) {
        // Ids are made by newId(); anything else cannot exist, and is not sent to the database (PostgreSQL refuses NUL).
        return (VALID_ID.matcher(id).matches() ? store.find(id) : Optional.<Stored>empty())
                .orElseThrow(() -> new ConversationNotFoundException(id));
    }

    /** The flow of that id in the rule set; an invalid answer when no id is given, not found when there is no such flow. */
    public static Flow flow(RuleSet ruleSet, String flowId) {
        if (flowId == null || flowId.isBlank()) {
            throw new InvalidAnswerException("'flow' is required; available flows: " + FlowNotFoundException.names(ruleSet.flows().keySet()));
        }
        return ruleSet.flow(flowId).orElseThrow(() -> new FlowNotFoundException(flowId, ruleSet.flows().keySet()));
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
}
