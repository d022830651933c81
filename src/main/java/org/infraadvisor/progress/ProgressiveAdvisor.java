package org.infraadvisor.progress;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Progressive advice: after every answer, a preview of the advice (the answers so far, the rest unknown) and the
 * order of the open questions, the one whose answer could change the preview most first.
 * <p>
 * Each open question is judged by evaluating its candidate answers ({@link Candidates}) and comparing each outcome
 * with the preview ({@link Change}); a question none of whose answers changes the preview alone is judged again
 * together with the answers of the most decisive questions ({@link Lookahead}). It stays cheap: candidates with the
 * same effect on the rules that decide the headline are evaluated once, and not at all when that effect is the same as "unknown" ({@link Influence});
 * each evaluation fires only those rules; outcomes and whole assessments are cached per rules version and answers.
 */
@Singleton
public class ProgressiveAdvisor implements AutoCloseable {

    /** When the search for the asking order runs. */
    public enum Search {
        /** before the turn replies, as every turn waits for it (exact always; what benchmarks of the search use) */
        INLINE,
        /** after the reply, in a worker with a CPU budget ({@link BackgroundSearch}); the reply has the best order known */
        BACKGROUND,
        /** never but when an exact assessment is asked for: what a saturated service gives (for the quality benchmark) */
        NEVER
    }

    /** How many of the most decisive questions a question that changes nothing alone is paired with, by default. */
    public static final int DEFAULT_PARTNERS = 2;
    /** At most this many evaluations per state searched for those pairs, by default (about 110 ms of CPU at most). */
    public static final int DEFAULT_LOOKAHEAD_BUDGET = 250;
    /** Guesses of the next state are searched only while the machine's CPUs are at most this busy, by default. */
    public static final double DEFAULT_SPECULATE_MAX_LOAD = 0.9;

    private final CachedOutcomes outcomes;
    private final Lookahead lookahead;
    private final StateCache<Assessment> assessments;
    private final StateCache<Assessment> provisional;
    private final ProvisionalOrder provisionalOrder;
    private final boolean enabled;
    private final Search search;
    private final BackgroundSearch background; // null unless Search.BACKGROUND
    private final boolean speculate;
    private volatile String latestRules;

    @Inject
    public ProgressiveAdvisor(AdvisorEngine engine,
                              @Value("${advisor.progress.enabled:true}") boolean enabled,
                              @Value("${advisor.progress.outcome-cache-size:50000}") long outcomeCacheSize,
                              @Value("${advisor.progress.assessment-cache-size:5000}") long assessmentCacheSize,
                              @Value("${advisor.progress.background-share:0.1}") double backgroundShare,
                              @Value("${advisor.progress.background-queue:1000}") int backgroundQueue,
                              @Value("${advisor.progress.speculate:true}") boolean speculate,
                              @Value("${advisor.progress.speculate-max-load:" + DEFAULT_SPECULATE_MAX_LOAD + "}") double speculateMaxLoad,
                              @Value("${advisor.progress.lookahead-partners:" + DEFAULT_PARTNERS + "}") int lookaheadPartners,
                              @Value("${advisor.progress.lookahead-budget:" + DEFAULT_LOOKAHEAD_BUDGET + "}") int lookaheadBudget) {
        this(new EngineOutcomes(engine), outcomeCacheSize, assessmentCacheSize, enabled,
                backgroundShare > 0 ? Search.BACKGROUND : Search.INLINE, backgroundShare, backgroundQueue, speculate,
                speculateMaxLoad, lookaheadPartners, lookaheadBudget);
    }

    public ProgressiveAdvisor(AdvisorEngine engine, long outcomeCacheSize, long assessmentCacheSize) {
        this(new EngineOutcomes(engine), outcomeCacheSize, assessmentCacheSize, true, Search.INLINE, 0, 0, false, 1,
                DEFAULT_PARTNERS, DEFAULT_LOOKAHEAD_BUDGET);
    }

    /** With caches of size 0 every call works everything out again (for benchmarks). */
    public ProgressiveAdvisor(OutcomeSource source, long outcomeCacheSize, long assessmentCacheSize) {
        this(source, outcomeCacheSize, assessmentCacheSize, true, Search.INLINE, 0, 0, false, 1,
                DEFAULT_PARTNERS, DEFAULT_LOOKAHEAD_BUDGET);
    }

    /** With {@code lookaheadPartners} 0 the search looks one answer ahead only (to compare). */
    public ProgressiveAdvisor(OutcomeSource source, long outcomeCacheSize, long assessmentCacheSize, int lookaheadPartners) {
        this(source, outcomeCacheSize, assessmentCacheSize, true, Search.INLINE, 0, 0, false, 1,
                lookaheadPartners, DEFAULT_LOOKAHEAD_BUDGET);
    }

    /** An advisor that searches as {@code search} says; in the background with all of one core, guessing ahead. */
    public ProgressiveAdvisor(AdvisorEngine engine, long outcomeCacheSize, long assessmentCacheSize, Search search) {
        this(new EngineOutcomes(engine), outcomeCacheSize, assessmentCacheSize, true, search, 1, 1000, true, 1,
                DEFAULT_PARTNERS, DEFAULT_LOOKAHEAD_BUDGET);
    }

    private ProgressiveAdvisor(OutcomeSource source, long outcomeCacheSize, long assessmentCacheSize, boolean enabled,
                               Search search, double backgroundShare, int backgroundQueue, boolean speculate,
                               double speculateMaxLoad, int lookaheadPartners, int lookaheadBudget) {
        if (lookaheadPartners < 0 || lookaheadBudget < 0) {
            throw new IllegalArgumentException("advisor.progress.lookahead-partners and lookahead-budget must be 0 or more: "
                    + lookaheadPartners + ", " + lookaheadBudget);
        }
        if (!(speculateMaxLoad > 0 && speculateMaxLoad <= 1)) {
            throw new IllegalArgumentException("advisor.progress.speculate-max-load must be more than 0 and at most 1 (the share of the "
                    + "machine's CPUs busy, up to which guesses are searched; 1 = always): " + speculateMaxLoad);
        }
        this.outcomes = new CachedOutcomes(source, outcomeCacheSize);
        this.lookahead = new Lookahead(outcomes, lookaheadPartners, lookaheadBudget);
        this.assessments = new StateCache<>(assessmentCacheSize);
        this.provisional = new StateCache<>(assessmentCacheSize);
        this.provisionalOrder = new ProvisionalOrder(outcomes, assessments, provisional);
        this.enabled = enabled;
        this.search = search;
        this.background = enabled && search == Search.BACKGROUND
                ? new BackgroundSearch(backgroundShare, backgroundQueue, BackgroundSearch::machineCpuLoad, speculateMaxLoad)
                : null;
        this.speculate = speculate;
    }

    /**
     * Whether conversations get previews and the most decisive question next ({@code advisor.progress.enabled});
     * when off they ask in the flow file's order without a preview, as before issue 13 (to compare, or to shed load).
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The preview and the asking order for a conversation's answers (answers to skipped questions are ignored), found
     * by judging every open question: {@link Assessment#ranked() ranked}. What finishing early and reports need.
     */
    public Assessment assess(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        DialogueState state = new DialogueState(flow, answers);
        Map<String, Object> effective = state.effectiveAnswers();
        return assessments.get(ruleSet, flow, effective, () -> search(ruleSet, flow, state, effective));
    }

    /**
     * What a turn replies without waiting for the search: the exact preview (one headline evaluation, cached), and the
     * ranked order if it is known for these answers. Otherwise a provisional order — the order of the conversation's
     * state one answer earlier (ranked or provisional itself) without the questions answered since, questions that
     * apply newly after them, refinements the rules' analysis proves last — while the exact one is searched in the
     * background, ready for the next view (users think for seconds between answers). Also guesses the next state: the
     * answers to a choice question asked next are searched in the background too, after the states users are at.
     * With {@link Search#INLINE} it is {@link #assess}.
     */
    public Assessment assessPromptly(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        if (search == Search.INLINE) {
            return assess(ruleSet, flow, answers);
        }
        latestRules = ruleSet.version();
        DialogueState state = new DialogueState(flow, answers);
        Map<String, Object> effective = state.effectiveAnswers();
        Assessment ranked = assessments.peek(ruleSet, flow, effective);
        if (ranked != null) {
            guessNext(ruleSet, flow, effective, ranked);
            return ranked;
        }
        Assessment now = provisional.get(ruleSet, flow, effective, () -> provisionalOrder.of(ruleSet, flow, state, effective));
        if (background != null) {
            background.now(StateCache.keyOf(ruleSet, flow, effective), () -> searchLater(ruleSet, flow, effective, true));
        }
        return now;
    }

    private void searchLater(RuleSet ruleSet, Flow flow, Map<String, Object> effective, boolean guess) {
        if (ruleSet.version().equals(latestRules)) { // a reload since: the state will be asked for with the new rules
            Assessment ranked = assess(ruleSet, flow, effective);
            if (guess) {
                guessNext(ruleSet, flow, effective, ranked);
            }
        }
    }

    /** Queues the states the answers to the question asked next would lead to, when it has a few answers to choose from. */
    private void guessNext(RuleSet ruleSet, Flow flow, Map<String, Object> effective, Assessment ranked) {
        if (!speculate || background == null || ranked.next().isEmpty() || !background.acceptsGuesses()) {
            return;
        }
        Question q = ranked.next().get().question();
        if (q.type() == QuestionType.NUMBER || q.type() == QuestionType.TEXT) {
            return;
        }
        List<Object> answers = new ArrayList<>(Candidates.of(flow, q));
        answers.add(AnswerValues.UNKNOWN);
        for (Object value : answers) {
            Map<String, Object> with = new LinkedHashMap<>(effective);
            with.put(q.id(), value);
            DialogueState after = new DialogueState(flow, with);
            Map<String, Object> next = after.effectiveAnswers();
            if (!after.isComplete() && assessments.peek(ruleSet, flow, next) == null) {
                background.later(StateCache.keyOf(ruleSet, flow, next), () -> searchLater(ruleSet, flow, next, false));
            }
        }
    }

    /** Whether no background search is queued or running (for tests and benchmarks that wait for it). */
    public boolean backgroundIdle() {
        return background == null || background.idle();
    }

    /** Background searches done, and dropped because the queue was full. */
    public long[] backgroundCounts() {
        return background == null ? new long[]{0, 0} : new long[]{background.done(), background.dropped()};
    }

    @PreDestroy
    @Override
    public void close() {
        if (background != null) {
            background.close();
        }
    }

    /** How many outcomes the engine has evaluated so far (not counting those found in the cache). */
    public long engineEvaluations() {
        return outcomes.evaluated();
    }

    private Assessment search(RuleSet ruleSet, Flow flow, DialogueState state, Map<String, Object> effective) {
        Outcome preview = outcomes.outcome(ruleSet, flow, effective);
        Influence influence = Influence.of(ruleSet);
        BitSet askedNow = asked(flow, state);
        int[] evaluations = {1};
        List<Lookahead.Judged> judged = new ArrayList<>();
        for (Question q : flow.questions()) {
            if (state.isAsked(q.id()) && !effective.containsKey(q.id())) {
                judged.add(judge(ruleSet, flow, influence, effective, askedNow, preview, q, evaluations));
            }
        }
        Set<String> pinned = new LinkedHashSet<>(flow.asking().pinned());
        List<OpenQuestion> oneAnswerAhead = judged.stream()
                .map(j -> new OpenQuestion(j.question(), j.impact(), pinned.contains(j.question().id()))).toList();
        if (effective.isEmpty()) { // the preview is the flow's default: nothing to pair (the pinned question comes first)
            return new Assessment(null, askingOrder(flow, oneAnswerAhead), evaluations[0]);
        }
        List<String> order = askingOrder(flow, oneAnswerAhead).stream().map(o -> o.question().id()).toList();
        List<Impact> impacts = lookahead.impacts(ruleSet, flow, preview, judged, order, evaluations);
        List<OpenQuestion> open = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            OpenQuestion o = oneAnswerAhead.get(i);
            open.add(impacts.get(i) == o.impact() ? o : new OpenQuestion(o.question(), impacts.get(i), o.pinned()));
        }
        return new Assessment(preview, askingOrder(flow, open), evaluations[0]);
    }

    /**
     * Evaluates one representative of each group of candidate answers that act alike, weighted by the group's size;
     * adds the evaluations to {@code evaluations[0]}.
     */
    private Lookahead.Judged judge(RuleSet ruleSet, Flow flow, Influence influence, Map<String, Object> effective,
                                   BitSet askedNow, Outcome preview, Question q, int[] evaluations) {
        List<Object> candidates = Candidates.of(flow, q);
        Map<Object, Group> representative = groups(flow, influence, effective, askedNow, q, candidates);
        ImpactTally tally = new ImpactTally(q, preview);
        List<Lookahead.Trial> trials = new ArrayList<>();
        for (Group group : representative.values()) {
            Outcome outcome = outcomes.outcome(ruleSet, flow, group.answers());
            tally.add(outcome, group.size());
            trials.add(new Lookahead.Trial(group.answers(), group.size(), outcome));
        }
        evaluations[0] += representative.size();
        return new Lookahead.Judged(q, trials, tally.impact(candidates.size()));
    }

    /** The effective answers with one candidate answer of a group, and how many candidates act as it does. */
    private record Group(Map<String, Object> answers, int size) {
    }

    /**
     * The candidate answers to {@code q} grouped by their effect on the headline rules and the questions they leave
     * asked; answers that act as "unknown" are left out (they give the preview). Empty: nothing can change.
     */
    private static Map<Object, Group> groups(Flow flow, Influence influence, Map<String, Object> effective, BitSet askedNow,
                                             Question q, List<Object> candidates) {
        Object unknown = List.of(influence.effect(flow, q.id(), AnswerValues.UNKNOWN), askedNow);
        Map<Object, Group> groups = new LinkedHashMap<>();
        for (Object value : candidates) {
            Map<String, Object> with = new LinkedHashMap<>(effective);
            with.put(q.id(), value);
            DialogueState after = new DialogueState(flow, with);
            Object effect = List.of(influence.effect(flow, q.id(), value), asked(flow, after));
            if (!effect.equals(unknown)) {
                groups.merge(effect, new Group(after.effectiveAnswers(), 1), (a, b) -> new Group(a.answers(), a.size() + 1));
            }
        }
        return groups;
    }

    static BitSet asked(Flow flow, DialogueState state) {
        BitSet asked = new BitSet();
        List<Question> questions = flow.questions();
        for (int i = 0; i < questions.size(); i++) {
            if (state.isAsked(questions.get(i).id())) {
                asked.set(i);
            }
        }
        return asked;
    }

    /** Pinned questions first (in the flow's order for them), then the most decisive, then refinements; ties by tie-break. */
    static List<OpenQuestion> askingOrder(Flow flow, List<OpenQuestion> open) {
        Comparator<OpenQuestion> order = pinnedFirst(flow)
                .thenComparing(OpenQuestion::impact, Impact.MOST_DECISIVE_FIRST)
                .thenComparing(byTieBreak(flow));
        return open.stream().sorted(order).toList();
    }

    /** Pinned questions before the others, in the order the flow pins them. */
    static Comparator<OpenQuestion> pinnedFirst(Flow flow) {
        List<String> pins = flow.asking().pinned();
        return Comparator.comparingInt(o -> o.pinned() ? pins.indexOf(o.question().id()) : pins.size());
    }

    /** The flow's tie-break order ({@code asking.tieBreak}), then the file's. */
    static Comparator<OpenQuestion> byTieBreak(Flow flow) {
        List<String> tieBreak = flow.asking().tieBreak();
        List<String> fileOrder = flow.questions().stream().map(Question::id).toList();
        return Comparator.comparingInt((OpenQuestion o) -> rank(tieBreak, o.question().id()))
                .thenComparingInt(o -> fileOrder.indexOf(o.question().id()));
    }

    static int rank(List<String> listed, String id) {
        int i = listed.indexOf(id);
        return i < 0 ? listed.size() : i;
    }
}
