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
 */
public record Assessment(Outcome preview, List<OpenQuestion> open, int evaluations) {

    /** Nothing open and no preview: what a conversation with every question answered needs. */
    public static final Assessment NONE = new Assessment(null, List.of(), 0);

    /** The question to ask next; empty when every question that applies has an answer. */
    public Optional<OpenQuestion> next() {
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(0));
    }

    /** The open questions whose answer could change the strategy or the recommended accelerator, in asking order. */
    public List<String> couldChange() {
        return open.stream().filter(q -> !q.refinement()).map(q -> q.question().id()).toList();
    }
}
