package org.infraadvisor.testsupport;

import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.Reasons;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads across a recommendation document's items. */
public final class Documents {

    private Documents() {
    }

    /** The reasons of every item (accelerators, risks, readiness, plan, sizing, costs), in that order. */
    public static List<Reasons> itemReasons(RecommendationDocument rec) {
        return Stream.of(
                rec.accelerators().stream().map(RecommendationDocument.AcceleratorAdvice::reasons),
                rec.risks().stream().map(RecommendationDocument.RiskAdvice::reasons),
                rec.readiness().stream().map(RecommendationDocument.ReadinessAdvice::reasons),
                rec.plan().stream().map(RecommendationDocument.PlanAdvice::reasons),
                rec.sizing().stream().map(RecommendationDocument.SizingAdvice::reasons),
                rec.costs().stream().map(RecommendationDocument.CostAdvice::reasons)).flatMap(s -> s).toList();
    }

    /** The reasons of every item and, where there are any, of the strategy. */
    public static List<Reasons> allReasons(RecommendationDocument rec) {
        List<Reasons> all = new ArrayList<>(itemReasons(rec));
        if (rec.strategyReasons() != null) {
            all.add(rec.strategyReasons());
        }
        return all;
    }

    /** Every rule and answer an item's reasons or a vote names is described in the document. */
    public static void assertEveryReferenceResolves(RecommendationDocument rec) {
        for (Reasons r : allReasons(rec)) {
            assertThat(rec.rules().keySet()).containsAll(r.rules());
            assertThat(rec.answers().keySet()).containsAll(r.answers());
        }
        for (RecommendationDocument.Vote v : rec.votes()) {
            assertThat(rec.rules()).containsKey(v.rule());
        }
    }
}
