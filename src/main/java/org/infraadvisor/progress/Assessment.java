package org.infraadvisor.progress;

import java.util.List;
import java.util.Optional;

/**
 * Where a conversation stands for progressive advice.
 *
 * @param preview     the head of the advice for the answers so far, the rest unknown; null before the first answer
 * @param open        the questions that apply and have no answer yet, in the order they will be asked: pinned
 *                    questions, then the most decisive, then refinements
 * @param evaluations how many candidate answers were evaluated (or found in the cache) to get here
 * @param ranked      whether the order and what could change were worked out by judging every open question for these
 *                    answers; false while that search runs in the background: then the order is the one found for an
 *                    earlier state of the conversation (or the flow's), and an open question counts as a refinement
 *                    only when the rules' analysis shows that none of its answers can act on the headline
 *                    ({@link ProgressiveAdvisor#assessPromptly}); the preview is exact either way
 */
public record Assessment(Outcome preview, List<OpenQuestion> open, int evaluations, boolean ranked) {

    /** Nothing open and no preview: what a conversation with every question answered needs. */
    public static final Assessment NONE = new Assessment(null, List.of(), 0);

    /** An assessment found by judging every open question. */
    public Assessment(Outcome preview, List<OpenQuestion> open, int evaluations) {
        this(preview, open, evaluations, true);
    }

    /** The question to ask next; empty when every question that applies has an answer. */
    public Optional<OpenQuestion> next() {
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(0));
    }

    /** The open questions whose answer could change the strategy or the recommended accelerator, in asking order. */
    public List<String> couldChange() {
        return open.stream().filter(q -> !q.refinement()).map(q -> q.question().id()).toList();
    }
}
