package org.infraadvisor.progress;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
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
 * with the preview ({@link Change}). It stays cheap: candidates with the same effect on the rules that decide the
 * headline are evaluated once, and not at all when that effect is the same as "unknown" ({@link Influence});
 * each evaluation fires only those rules; outcomes and whole assessments are cached per rules version and answers.
 */
@Singleton
public class ProgressiveAdvisor {

    private final CachedOutcomes outcomes;
    private final StateCache<Assessment> assessments;
    private final boolean enabled;

    @Inject
    public ProgressiveAdvisor(AdvisorEngine engine,
                              @Value("${advisor.progress.enabled:true}") boolean enabled,
                              @Value("${advisor.progress.outcome-cache-size:50000}") long outcomeCacheSize,
                              @Value("${advisor.progress.assessment-cache-size:5000}") long assessmentCacheSize) {
        this(new EngineOutcomes(engine), outcomeCacheSize, assessmentCacheSize, enabled);
    }

    public ProgressiveAdvisor(AdvisorEngine engine, long outcomeCacheSize, long assessmentCacheSize) {
        this(engine, true, outcomeCacheSize, assessmentCacheSize);
    }

    /** With caches of size 0 every call works everything out again (for benchmarks). */
    public ProgressiveAdvisor(OutcomeSource source, long outcomeCacheSize, long assessmentCacheSize) {
        this(source, outcomeCacheSize, assessmentCacheSize, true);
    }

    private ProgressiveAdvisor(OutcomeSource source, long outcomeCacheSize, long assessmentCacheSize, boolean enabled) {
        this.outcomes = new CachedOutcomes(source, outcomeCacheSize);
        this.assessments = new StateCache<>(assessmentCacheSize);
        this.enabled = enabled;
    }

    /**
     * Whether conversations get previews and the most decisive question next ({@code advisor.progress.enabled});
     * when off they ask in the flow file's order without a preview, as before issue 13 (to compare, or to shed load).
     */
    public boolean enabled() {
        return enabled;
    }

    /** The preview and the asking order for a conversation's answers (answers to skipped questions are ignored). */
    public Assessment assess(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        DialogueState state = new DialogueState(flow, answers);
        Map<String, Object> effective = state.effectiveAnswers();
        return assessments.get(ruleSet, flow, effective, () -> search(ruleSet, flow, state, effective));
    }

    /** How many outcomes the engine has evaluated so far (not counting those found in the cache). */
    public long engineEvaluations() {
        return outcomes.evaluated();
    }

    private Assessment search(RuleSet ruleSet, Flow flow, DialogueState state, Map<String, Object> effective) {
        Outcome preview = outcomes.outcome(ruleSet, flow, effective);
        Influence influence = Influence.of(ruleSet);
        BitSet askedNow = asked(flow, state);
        int evaluations = 1;
        List<OpenQuestion> open = new ArrayList<>();
        Set<String> pinned = new LinkedHashSet<>(flow.asking().pinned());
        for (Question q : flow.questions()) {
            if (state.isAsked(q.id()) && !effective.containsKey(q.id())) {
                Judged judged = judge(ruleSet, flow, influence, effective, askedNow, preview, q);
                evaluations += judged.evaluations();
                open.add(new OpenQuestion(q, judged.impact(), pinned.contains(q.id())));
            }
        }
        return new Assessment(effective.isEmpty() ? null : preview, askingOrder(flow, open), evaluations);
    }

    private record Judged(Impact impact, int evaluations) {
    }

    /** Evaluates one representative of each group of candidate answers that act alike, weighted by the group's size. */
    private Judged judge(RuleSet ruleSet, Flow flow, Influence influence, Map<String, Object> effective, BitSet askedNow,
                         Outcome preview, Question q) {
        Object unknown = List.of(influence.effect(flow, q.id(), AnswerValues.UNKNOWN), askedNow);
        Map<Object, Map<String, Object>> representative = new LinkedHashMap<>();
        Map<Object, Integer> groupSize = new LinkedHashMap<>();
        List<Object> candidates = Candidates.of(flow, q);
        for (Object value : candidates) {
            Map<String, Object> with = new LinkedHashMap<>(effective);
            with.put(q.id(), value);
            DialogueState after = new DialogueState(flow, with);
            Object effect = List.of(influence.effect(flow, q.id(), value), asked(flow, after));
            if (!effect.equals(unknown)) {
                representative.putIfAbsent(effect, after.effectiveAnswers());
                groupSize.merge(effect, 1, Integer::sum);
            }
        }
        ImpactTally tally = new ImpactTally(q, preview);
        for (Map.Entry<Object, Map<String, Object>> group : representative.entrySet()) {
            tally.add(outcomes.outcome(ruleSet, flow, group.getValue()), groupSize.get(group.getKey()));
        }
        return new Judged(tally.impact(candidates.size()), representative.size());
    }

    private static BitSet asked(Flow flow, DialogueState state) {
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
        List<String> pins = flow.asking().pinned();
        List<String> tieBreak = flow.asking().tieBreak();
        List<String> fileOrder = flow.questions().stream().map(Question::id).toList();
        Comparator<OpenQuestion> byTieBreak = Comparator.comparingInt((OpenQuestion o) -> rank(tieBreak, o.question().id()))
                .thenComparingInt(o -> fileOrder.indexOf(o.question().id()));
        Comparator<OpenQuestion> order = Comparator.comparingInt((OpenQuestion o) -> o.pinned() ? pins.indexOf(o.question().id()) : pins.size())
                .thenComparing(OpenQuestion::impact, Impact.MOST_DECISIVE_FIRST)
                .thenComparing(byTieBreak);
        return open.stream().sorted(order).toList();
    }

    private static int rank(List<String> listed, String id) {
        int i = listed.indexOf(id);
        return i < 0 ? listed.size() : i;
    }
}
