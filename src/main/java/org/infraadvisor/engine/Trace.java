package org.infraadvisor.engine;

import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.Assumption;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records, through Drools' event listeners, which rule fired on which facts and what it inserted, so every
 * conclusion can be traced back through the rules that derived it to the user's answers.
 */
public final class Trace extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** The rules and answers behind a fact: the rule that inserted it plus everything behind its match. */
    public record Support(Set<String> rules, Set<Answer> answers) {
    }

    /**
     * One firing of a rule: its support, the facts it inserted, and the facts its conditions matched (an
     * accumulate contributes its result, not the facts it added up).
     */
    public record Firing(String rule, Support support, List<Object> concluded, List<Object> matched) {
    }

    private final Map<Object, Support> supportOf = new IdentityHashMap<>();
    private final Map<Object, Firing> insertedBy = new IdentityHashMap<>();
    private final List<Firing> firings = new ArrayList<>();
    private final Set<Assumption> assumptionsUsed = new LinkedHashSet<>();
    private Firing current;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Match match = event.getMatch();
        String rule = match.getRule().getName();
        Set<String> rules = new LinkedHashSet<>();
        Set<Answer> answers = new LinkedHashSet<>();
        for (Object fact : match.getObjects()) {
            if (fact instanceof Answer a) {
                answers.add(a);
            } else if (fact instanceof Assumption a) {
                assumptionsUsed.add(a);
            } else {
                Support s = supportOf.get(fact);
                if (s != null) {
                    rules.addAll(s.rules());
                    answers.addAll(s.answers());
                }
            }
        }
        rules.add(rule);
        current = new Firing(rule, new Support(rules, answers), new ArrayList<>(), matched(match));
        firings.add(current);
    }

    private static List<Object> matched(Match match) {
        return match.getObjects().stream()
                .filter(o -> o != null && !o.getClass().getName().startsWith("org.drools.")).toList();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current != null) {
            supportOf.put(event.getObject(), current.support());
            insertedBy.put(event.getObject(), current);
            current.concluded().add(event.getObject());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (current != null) {
            Support before = supportOf.get(event.getObject());
            Support now = current.support();
            if (before != null) {
                Set<String> rules = new LinkedHashSet<>(before.rules());
                rules.addAll(now.rules());
                Set<Answer> answers = new LinkedHashSet<>(before.answers());
                answers.addAll(now.answers());
                now = new Support(rules, answers);
            }
            supportOf.put(event.getObject(), now);
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // a retracted fact keeps its support: it no longer appears in the results anyway
    }

    public Support supportOf(Object fact) {
        return supportOf.getOrDefault(fact, new Support(Set.of(), Set.of()));
    }

    /** The firing whose consequence inserted the fact, if a rule did (answers and catalogue facts have none). */
    public java.util.Optional<Firing> firingThatInserted(Object fact) {
        return java.util.Optional.ofNullable(insertedBy.get(fact));
    }

    public List<Firing> firings() {
        return firings;
    }

    public Set<Assumption> assumptionsUsed() {
        return assumptionsUsed;
    }
}
