package org.infraadvisor.engine;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.facts.AcceleratorChoice;
import org.infraadvisor.facts.CostEstimate;
import org.infraadvisor.facts.FollowUp;
import org.infraadvisor.facts.PlanStep;
import org.infraadvisor.facts.Readiness;
import org.infraadvisor.facts.Risk;
import org.infraadvisor.facts.Sizing;
import org.infraadvisor.facts.StrategyChoice;
import org.infraadvisor.facts.StrategyVote;
import org.infraadvisor.format.Readable;

/** What a rule concluded, in the words the advice uses for it; null for the working facts rules pass between them. */
public final class Conclusions {

    private Conclusions() {
    }

    public static String describe(Object fact, Flow flow) {
        if (fact instanceof StrategyChoice c) {
            return "strategy: " + Readable.strategy(c.getStrategy()) + " (confidence " + Readable.percent(c.getConfidence()) + ")";
        }
        if (fact instanceof StrategyVote v) {
            return "vote for " + Readable.strategy(v.getStrategy()) + " " + signed(v.getWeight()) + ": " + v.getReason();
        }
        if (fact instanceof AcceleratorChoice a) {
            return "accelerator: " + Readable.times(a.getCount(), a.getVendor() + " " + a.getModel());
        }
        if (fact instanceof Risk r) {
            return r.getSeverity() + " risk: " + r.getTitle();
        }
        if (fact instanceof Readiness r) {
            return "readiness of " + r.getPillar().replace('-', ' ') + ": " + r.getStatus();
        }
        if (fact instanceof PlanStep p) {
            return "plan step: " + p.getTitle();
        }
        if (fact instanceof Sizing s) {
            return s.getName() + ": " + Readable.quantity(s.getValue(), s.getUnit());
        }
        if (fact instanceof CostEstimate c) {
            return "cost of " + Readable.strategy(c.getStrategy()) + ": " + Readable.money(c.getTotalUsd());
        }
        if (fact instanceof FollowUp f) {
            return "open question: " + flow.question(f.getQuestion()).map(Question::text).orElse(f.getQuestion());
        }
        return null;
    }

    private static String signed(int points) {
        return (points >= 0 ? "+" : "") + points;
    }
}
