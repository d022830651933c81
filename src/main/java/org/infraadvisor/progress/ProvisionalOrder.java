package org.infraadvisor.progress;

import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
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
 * The asking order a turn replies with while the search for its answers has not run yet ({@link ProgressiveAdvisor}
 * searches it after the reply): worked out from the order of the state one answer earlier and from what the rules'
 * analysis can prove without evaluating anything; the preview in it is exact.
 */
final class ProvisionalOrder {

    private final CachedOutcomes outcomes;
    private final StateCache<Assessment> ranked;
    private final StateCache<Assessment> provisional;

    ProvisionalOrder(CachedOutcomes outcomes, StateCache<Assessment> ranked, StateCache<Assessment> provisional) {
        this.outcomes = outcomes;
        this.ranked = ranked;
        this.provisional = provisional;
    }

    /**
     * The order of a state not yet searched: pinned questions first; then those some answer may change the headline
     * with, in the order of the state one answer earlier (the first such state found, preferring the one that asked
     * the question answered since), questions not open there after them; refinements last — only those the rules'
     * analysis proves to be (no answer acts on a headline rule), so what {@code couldChange} lists is never short of
     * what the search would find.
     */
    Assessment of(RuleSet ruleSet, Flow flow, DialogueState state, Map<String, Object> effective) {
        Outcome preview = effective.isEmpty() ? null : outcomes.outcome(ruleSet, flow, effective);
        Influence influence = Influence.of(ruleSet);
        BitSet askedNow = ProgressiveAdvisor.asked(flow, state);
        Assessment earlier = earlier(ruleSet, flow, effective);
        List<String> earlierOrder = earlier == null ? List.of() : earlier.open().stream().map(o -> o.question().id()).toList();
        Set<String> pinned = new LinkedHashSet<>(flow.asking().pinned());
        List<OpenQuestion> open = new ArrayList<>();
        for (Question q : flow.questions()) {
            if (state.isAsked(q.id()) && !effective.containsKey(q.id())) {
                boolean mayChange = mayChange(flow, influence, effective, askedNow, q);
                Impact impact = earlier == null ? null : earlier.open().stream().filter(o -> o.question() == q)
                        .map(OpenQuestion::impact).findFirst().orElse(null);
                open.add(new OpenQuestion(q, impact == null ? new Impact(q.id(), 0, 0, 0, 0, 0, Set.of(), List.of()) : impact,
                        pinned.contains(q.id()), mayChange));
            }
        }
        Comparator<OpenQuestion> order = ProgressiveAdvisor.pinnedFirst(flow)
                .thenComparing(OpenQuestion::refinement)
                .thenComparingInt(o -> ProgressiveAdvisor.rank(earlierOrder, o.question().id()))
                .thenComparing(ProgressiveAdvisor.byTieBreak(flow));
        return new Assessment(preview, open.stream().sorted(order).toList(), effective.isEmpty() ? 0 : 1, false);
    }

    /** The assessment known for the conversation one answer earlier: ranked if there is one, else provisional. */
    private Assessment earlier(RuleSet ruleSet, Flow flow, Map<String, Object> effective) {
        Assessment found = null;
        for (String answered : effective.keySet()) {
            Map<String, Object> before = new LinkedHashMap<>(effective);
            before.remove(answered);
            if (!flow.clausesReading(answered).isEmpty()) {
                before = new DialogueState(flow, before).effectiveAnswers(); // questions it kept from being asked
            }
            Assessment searched = ranked.peek(ruleSet, flow, before);
            Assessment known = searched != null ? searched : provisional.peek(ruleSet, flow, before);
            if (known != null && known.next().map(o -> o.question().id().equals(answered)).orElse(false)) {
                return known; // the state that asked the question answered since: most likely the conversation's own
            }
            if (known != null && (found == null || !found.ranked() && known.ranked())) {
                found = known;
            }
        }
        return found;
    }

    /**
     * Whether some candidate answer to {@code q} acts otherwise than "unknown" on the headline rules or on the
     * questions asked: exactly when the search's groups of candidate answers are not empty, without working out the groups.
     */
    private static boolean mayChange(Flow flow, Influence influence, Map<String, Object> effective, BitSet askedNow, Question q) {
        Object unknown = influence.effect(flow, q.id(), AnswerValues.UNKNOWN);
        List<Object> candidates = Candidates.of(flow, q);
        for (Object value : candidates) {
            if (!influence.effect(flow, q.id(), value).equals(unknown)) {
                return true;
            }
        }
        if (flow.clausesReading(q.id()).isEmpty()) {
            return false; // no answer to it changes which questions are asked
        }
        for (Object value : candidates) {
            Map<String, Object> with = new LinkedHashMap<>(effective);
            with.put(q.id(), value);
            if (!ProgressiveAdvisor.asked(flow, new DialogueState(flow, with)).equals(askedNow)) {
                return true;
            }
        }
        return false;
    }
}
