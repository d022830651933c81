package org.infraadvisor.progress;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.Headline;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.AcceleratorChoice;

import java.util.Map;

/**
 * Outcomes from the rules engine, cheaply: only the headline is read (no trace, no assembly), and only the rules
 * that can change it fire ({@link Influence}); the rest of the knowledge base (costs, risks, readiness, plan) is
 * left out.
 */
public final class EngineOutcomes implements OutcomeSource {

    private final AdvisorEngine engine;

    public EngineOutcomes(AdvisorEngine engine) {
        this.engine = engine;
    }

    @Override
    public Outcome outcome(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        Influence influence = Influence.of(ruleSet);
        Headline headline = engine.headline(ruleSet, flow, answers, influence.rulesToFire());
        AcceleratorChoice top = headline.top();
        Outcome.Pick pick = top == null ? null
                : new Outcome.Pick(top.getVendor(), top.getModel(), family(ruleSet, top), top.getCount());
        return headline.strategy() == null ? new Outcome(null, 0, pick)
                : new Outcome(headline.strategy().getStrategy(), headline.strategy().getConfidence(), pick);
    }

    private static String family(RuleSet ruleSet, AcceleratorChoice choice) {
        for (Accelerator a : ruleSet.accelerators()) {
            if (a.getVendor().equals(choice.getVendor()) && a.getModel().equals(choice.getModel())) {
                return a.getFamily();
            }
        }
        return null;
    }
}
