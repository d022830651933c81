package org.infraadvisor.progress;

import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds up what the candidate answers of one open question would change in the preview, into its {@link Impact}.
 * <p>
 * How answers count: each option of a choice is an answer a user may give, so every option that changes the
 * preview counts. The values tried for a number only stand for the bands the rules tell apart ({@link Candidates}),
 * and how many of them fall into one band is an accident of sampling: a number counts each different advice it
 * could lead to once (two samples that lead to the same strategy and part — and, for a change of count, the same
 * count — are one band).
 */
final class ImpactTally {

    private final Question question;
    private final Outcome preview;
    private final int[] changes = new int[Change.values().length];
    private final Set<List<Object>> advices = new HashSet<>();
    private final Set<String> strategies = new LinkedHashSet<>();
    private final Set<Outcome.Pick> accelerators = new LinkedHashSet<>();

    ImpactTally(Question question, Outcome preview) {
        this.question = question;
        this.preview = preview;
    }

    /** One outcome of the question's candidate answers, which {@code answers} of them lead to. */
    void add(Outcome outcome, int answers) {
        Change change = preview.changeTo(outcome);
        if (change != Change.NONE && counts(change, outcome)) {
            changes[change.ordinal()] += question.type() == QuestionType.NUMBER ? 1 : answers;
        }
        if (outcome.strategy() != null && !outcome.strategy().equals(preview.strategy())) {
            strategies.add(outcome.strategy());
        }
        if (outcome.accelerator() != null && preview.acceleratorChangeTo(outcome) != Change.NONE) {
            accelerators.add(outcome.accelerator());
        }
    }

    /** For a number: whether this advice is one not met among the samples before. */
    private boolean counts(Change change, Outcome outcome) {
        if (question.type() != QuestionType.NUMBER) {
            return true;
        }
        Outcome.Pick pick = outcome.accelerator();
        return advices.add(List.of(String.valueOf(outcome.strategy()), pick == null ? "" : pick.vendor() + " " + pick.model(),
                change == Change.COUNT ? pick.count() : 0));
    }

    Impact impact(int tried) {
        return new Impact(question.id(), tried, changes[Change.STRATEGY.ordinal()], changes[Change.ACCELERATOR.ordinal()],
                changes[Change.COUNT.ordinal()], changes[Change.PART.ordinal()], Set.copyOf(strategies), List.copyOf(accelerators));
    }
}
