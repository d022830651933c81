package org.infraadvisor.progress;

import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.RuleSet;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search two answers deep, bounded: what a question none of whose answers changes the preview alone could change
 * once one of the most decisive questions is answered too.
 * <p>
 * Some answers decide only together: strategy votes that win only when several add up, a rack band that matters only
 * once the lead time or the model's active parameters are known. One answer ahead such a question scores 0 and is
 * asked after every question that scores anything, although the final advice may depend on it. So each such "quiet"
 * question (its answers act on the headline rules, yet none changes the preview alone) is judged again in the
 * context of each answer to each of the first {@code partners} questions one answer ahead would ask (those that
 * change the preview alone) — the questions likely to be answered next: its candidate answers are compared with the
 * outcome of the partner's answer alone, as one answer ahead compares them with the preview. A quiet question scores, for the partner where it
 * matters most, the mean over that partner's answers of what it would then change ({@link Impact#together()}).
 * Cost: quiet questions × their answers × the partners' answers evaluations per state, at most {@code budget}; many
 * are found in the cache the next turn (the state after the partner's answer is one of them).
 */
final class Lookahead {

    /** One candidate answer to an open question (a representative of the answers that act alike) and where it leads. */
    record Trial(Map<String, Object> answers, int size, Outcome outcome) {
    }

    /** An open question judged one answer ahead: its trials and its impact. */
    record Judged(Question question, List<Trial> trials, Impact impact) {
    }

    private final CachedOutcomes outcomes;
    private final int partners;
    private final int budget;

    /**
     * @param partners how many of the most decisive questions a quiet question is paired with; 0: one answer deep only
     * @param budget   at most this many outcomes per state are looked up for the pairs: quiet questions are paired in
     *                 the order one answer ahead would ask them (the flow's {@code tieBreak}, then its file order) while
     *                 their pairs fit, the others stay as judged one answer ahead
     */
    Lookahead(CachedOutcomes outcomes, int partners, int budget) {
        this.outcomes = outcomes;
        this.partners = partners;
        this.budget = budget;
    }

    /**
     * The impact of each judged question, with what a quiet one could change together with the answer to one of the
     * most decisive questions ({@link Impact#together()}, and the strategies and accelerators it could then lead to,
     * other than the preview's); {@code spent[0]} counts the outcomes looked up.
     *
     * @param askingOrder the ids of the judged questions in the order one answer ahead would ask them: the partners
     *                    are the first of them that change the preview alone
     */
    List<Impact> impacts(RuleSet ruleSet, Flow flow, Outcome preview, List<Judged> judged, List<String> askingOrder,
                         int[] spent) {
        Comparator<Judged> inAskingOrder = Comparator.comparingInt(j -> askingOrder.indexOf(j.question().id()));
        List<Judged> partnersFirst = judged.stream().filter(j -> j.impact().changesAlone()).sorted(inAskingOrder)
                .limit(partners).toList();
        int contexts = partnersFirst.stream().mapToInt(p -> p.trials().size()).sum();
        Map<Judged, Impact> paired = new HashMap<>();
        int left = budget;
        for (Judged quiet : judged.stream().sorted(inAskingOrder).toList()) {
            int cost = contexts * quiet.trials().size();
            if (!quiet.trials().isEmpty() && !quiet.impact().changesAlone() && cost <= left) {
                left -= cost;
                paired.put(quiet, together(ruleSet, flow, preview, quiet, partnersFirst, spent));
            }
        }
        return judged.stream().map(j -> paired.getOrDefault(j, j.impact())).toList();
    }

    private Impact together(RuleSet ruleSet, Flow flow, Outcome preview, Judged quiet, List<Judged> partnersFirst,
                            int[] spent) {
        double together = 0;
        Set<String> strategies = new LinkedHashSet<>();
        Set<Outcome.Pick> accelerators = new LinkedHashSet<>();
        for (Judged partner : partnersFirst) {
            double sum = 0;
            for (Trial context : partner.trials()) {
                Impact impact = inContext(ruleSet, flow, quiet, context, spent);
                sum += impact.decisiveness();
                impact.strategies().stream().filter(s -> !s.equals(preview.strategy())).forEach(strategies::add);
                impact.accelerators().stream().filter(a -> preview.acceleratorChangeTo(new Outcome(null, 0, a)) != Change.NONE)
                        .forEach(accelerators::add);
            }
            together = Math.max(together, sum / partner.trials().size());
        }
        return together == 0 ? quiet.impact() : quiet.impact().withTogether(together, strategies, List.copyOf(accelerators));
    }

    /** What the quiet question's answers would change after the partner's answer {@code context}. */
    private Impact inContext(RuleSet ruleSet, Flow flow, Judged quiet, Trial context, int[] spent) {
        String id = quiet.question().id();
        ImpactTally tally = new ImpactTally(quiet.question(), context.outcome());
        for (Trial trial : quiet.trials()) {
            Map<String, Object> both = new LinkedHashMap<>(context.answers());
            both.put(id, trial.answers().get(id));
            DialogueState state = new DialogueState(flow, both);
            if (state.isAsked(id)) {
                spent[0]++;
                tally.add(outcomes.outcome(ruleSet, flow, state.effectiveAnswers()), trial.size());
            }
        }
        return tally.impact(quiet.trials().size());
    }
}
