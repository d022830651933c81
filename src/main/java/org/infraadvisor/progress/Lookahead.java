package org.infraadvisor.progress;

import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.RuleSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search two answers deep, bounded: what a question none of whose answers changes the preview alone could change
 * once one of the most decisive questions is answered too.
 * <p>
 * Some answers decide only together: strategy votes that win only when several add up, a rack band that matters only
 * once the lead time or the model's active parameters are known. One answer ahead such a question scores 0 and is
 * asked after every question that scores anything, although the final advice may depend on it. So each such "quiet"
 * question (its answers act on the headline rules, yet none changes the preview alone) is judged again in the
 * context of each answer to each of the {@code partners} questions with the largest score one answer ahead — the
 * questions likely to be answered next: its candidate answers are compared with the outcome of the partner's answer
 * alone, as one answer ahead compares them with the preview. A quiet question scores, for the partner where it
 * matters most, the mean over that partner's answers of what it would then change ({@link Impact#together()}).
 * Cost: at most quiet questions × partners × their answers evaluations per state, mostly found in the cache the next
 * turn (the state after the partner's answer is one of them).
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

    /** @param partners how many of the most decisive questions a quiet question is paired with; 0: one answer deep only */
    Lookahead(CachedOutcomes outcomes, int partners) {
        this.outcomes = outcomes;
        this.partners = partners;
    }

    /**
     * For each judged question, what it could change together with the answer to one of the most decisive questions
     * (0 for a question that changes the preview alone, or whose answers cannot act on the headline); {@code spent[0]}
     * counts the outcomes looked up.
     */
    double[] together(RuleSet ruleSet, Flow flow, List<Judged> judged, int[] spent) {
        double[] together = new double[judged.size()];
        List<Judged> partnersFirst = judged.stream().filter(j -> j.impact().changesAlone())
                .sorted(Comparator.comparing(Judged::impact, Impact.MOST_DECISIVE_FIRST)).limit(partners).toList();
        for (int i = 0; i < judged.size(); i++) {
            Judged quiet = judged.get(i);
            if (quiet.trials().isEmpty() || quiet.impact().changesAlone()) {
                continue;
            }
            for (Judged partner : partnersFirst) {
                double sum = 0;
                for (Trial context : partner.trials()) {
                    sum += inContext(ruleSet, flow, quiet, context, spent).decisiveness();
                }
                together[i] = Math.max(together[i], sum / partner.trials().size());
            }
        }
        return together;
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
