package org.infraadvisor.document;

import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.advice.FiringStep;
import org.infraadvisor.conversation.Conversation;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.document.RecommendationDocument.AnswerText;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.document.RecommendationDocument.RuleText;
import org.infraadvisor.format.Readable;
import org.infraadvisor.progress.Assessment;
import org.infraadvisor.progress.Impact;
import org.infraadvisor.progress.OpenQuestion;
import org.infraadvisor.progress.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Makes the public documents from the domain: a {@link RecommendationDocument} from {@link Advice}, a
 * {@link ConversationView} from a {@link Conversation}. The only place that decides how the API shows advice; HTTP,
 * Slack and the reports all go through it. Nothing stored depends on it.
 */
@Singleton
public class DocumentMapper {

    /** The recommendation without the firing trace. */
    public RecommendationDocument recommendation(Advice advice, Flow flow) {
        return recommendation(advice, flow, null, Map.of());
    }

    /**
     * The recommendation with its firing trace.
     *
     * @param steps     the trace; null for none
     * @param moreRules rules the trace (or an explanation sent with the document) names beyond those the advice cites
     */
    public RecommendationDocument recommendation(Advice advice, Flow flow, List<FiringStep> steps,
                                                 Map<String, Advice.RuleRef> moreRules) {
        Map<String, RuleText> rules = new LinkedHashMap<>();
        advice.rules().values().forEach(r -> rules.put(r.id(), ruleText(r)));
        moreRules.values().forEach(r -> rules.putIfAbsent(r.id(), ruleText(r)));
        return new RecommendationDocument(advice.strategy(), advice.confidence(), advice.summary(),
                map(advice.accelerators(), a -> new RecommendationDocument.AcceleratorAdvice(a.vendor(), a.model(), a.count(),
                        Readable.rounded(a.score()), a.reason(), reasons(a.reasons()))),
                map(advice.risks(), r -> new RecommendationDocument.RiskAdvice(r.severity(), r.title(), r.detail(), reasons(r.reasons()))),
                map(advice.readiness(), r -> new RecommendationDocument.ReadinessAdvice(r.pillar(), r.status(), r.reason(),
                        reasons(r.reasons()))),
                map(advice.plan(), p -> new RecommendationDocument.PlanAdvice(p.order(), p.title(), p.detail(), reasons(p.reasons()))),
                map(advice.sizing(), s -> new RecommendationDocument.SizingAdvice(s.name(), Readable.rounded(s.value()), s.unit(),
                        Readable.quantity(s.value(), s.unit()), s.formula(),
                        reasons(s.reasons()))),
                map(advice.costs(), c -> new RecommendationDocument.CostAdvice(c.strategy(), Readable.rounded(c.totalUsd()), c.breakdown(),
                        reasons(c.reasons()))),
                map(advice.openQuestions(), f -> new RecommendationDocument.FollowUpAdvice(f.question(),
                        flow.question(f.question()).map(Question::text).orElse(null), f.why())),
                map(advice.assumptions(), a -> new RecommendationDocument.AssumptionUsed(a.key(), a.label(), Readable.rounded(a.value()), a.unit(),
                        Readable.quantity(a.value(), a.unit()), a.source(),
                        a.confirmed())),
                advice.strategyReasons() == null ? null : reasons(advice.strategyReasons()),
                map(advice.votes(), v -> new RecommendationDocument.Vote(v.strategy(), v.points(), v.rule(), v.reason(), v.answers())),
                DecidingReasons.of(advice, flow), labels(advice),
                answers(advice.answers(), flow), rules,
                steps == null ? null : map(steps, s -> new RecommendationDocument.ExplanationStep(s.rule(), s.answers(), s.concluded())),
                advice.rulesVersion());
    }

    /** A conversation as the API shows it: answers with their texts and labels, the next question or the recommendation. */
    public ConversationView view(Conversation c) {
        Flow flow = c.flow();
        List<ConversationView.AnswerView> answers = new ArrayList<>(c.answers().size());
        for (Conversation.GivenAnswer a : c.answers()) {
            Question q = flow.question(a.question()).orElse(null);
            answers.add(new ConversationView.AnswerView(a.question(), a.value(), a.answeredAt(), q == null ? a.question() : q.text(),
                    Readable.answer(q, a.value())));
        }
        Assessment assessment = c.assessment();
        return new ConversationView(c.id(), flow.id(), c.status(), answers,
                c.next() == null ? null : ConversationView.QuestionView.of(c.next(), c.nextIsRefinement()),
                c.active() ? preview(assessment) : null, c.progress(),
                c.advice() == null ? null : recommendation(c.advice(), flow),
                c.finishedEarly() ? map(assessment.open(), DocumentMapper::leftOpen) : List.of(), c.createdAt(), c.updatedAt(),
                c.shareToken());
    }

    private static ConversationView.Preview preview(Assessment assessment) {
        Outcome preview = assessment.preview();
        return preview == null ? null : new ConversationView.Preview(preview.strategy(), preview.confidence(),
                accelerator(preview.accelerator()), assessment.couldChange(), assessment.ranked());
    }

    private static ConversationView.LeftOpen leftOpen(OpenQuestion open) {
        Impact impact = open.impact();
        return new ConversationView.LeftOpen(open.question().id(), open.question().text(),
                impact.strategies().stream().sorted().toList(), map(impact.accelerators(), DocumentMapper::accelerator),
                open.refinement());
    }

    private static ConversationView.Accelerator accelerator(Outcome.Pick pick) {
        return pick == null ? null : new ConversationView.Accelerator(pick.vendor(), pick.model(), pick.count());
    }

    /** Each answer once, in the flow's order: question text, value, and the value as the user would recognise it. */
    protected Map<String, AnswerText> answers(Map<String, Object> values, Flow flow) {
        Map<String, AnswerText> answers = new LinkedHashMap<>();
        for (Question q : flow.questions()) {
            if (values.containsKey(q.id())) {
                Object value = values.get(q.id());
                answers.put(q.id(), new AnswerText(q.text(), value, Readable.answer(q, value)));
            }
        }
        values.forEach((id, value) -> answers.computeIfAbsent(id, k -> new AnswerText(id, value, Readable.answer(null, value))));
        return answers;
    }

    /** Every strategy, severity, readiness status and pillar the advice names, as a reader sees it. */
    private static Map<String, String> labels(Advice advice) {
        Map<String, String> labels = new LinkedHashMap<>();
        BiConsumer<String, String> put = (id, label) -> {
            if (id != null) {
                labels.putIfAbsent(id, label);
            }
        };
        put.accept(advice.strategy(), Readable.strategy(advice.strategy()));
        advice.costs().forEach(c -> put.accept(c.strategy(), Readable.strategy(c.strategy())));
        advice.votes().forEach(v -> put.accept(v.strategy(), Readable.strategy(v.strategy())));
        advice.risks().forEach(r -> put.accept(r.severity(), Readable.severity(r.severity())));
        advice.readiness().forEach(r -> {
            put.accept(r.status(), Readable.readiness(r.status()));
            put.accept(r.pillar(), Readable.pillar(r.pillar()));
        });
        return labels;
    }

    protected RuleText ruleText(Advice.RuleRef r) {
        return new RuleText(r.name(), r.description(), r.rationale(), r.file());
    }

    private static Reasons reasons(Advice.Reasons r) {
        return new Reasons(r.rules(), r.answers());
    }

    private static <T, R> List<R> map(Collection<T> items, java.util.function.Function<T, R> f) {
        List<R> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(f.apply(i)));
        return out;
    }
}
