package org.infraadvisor.engine;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.Assumption;
import org.infraadvisor.facts.StrategyChoice;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records, through Drools' event listeners, which rule fired on which facts and what it inserted or changed. Only
 * that is recorded while the rules fire; what stands behind a conclusion (the answers, followed through the derived
 * facts) is worked out afterwards, and only for the facts that are asked about.
 */
public final class Trace extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /**
     * One firing of a rule: the facts its conditions matched (an accumulate contributes its result, not the facts it
     * added up) and the facts its consequence inserted.
     */
    public record Firing(String rule, List<Object> matched, List<Object> concluded) {
    }

    private final Map<Object, Firing> insertedBy = new IdentityHashMap<>();
    private final Map<Object, List<Firing>> changedBy = new IdentityHashMap<>();
    private final List<Firing> firings = new ArrayList<>();
    private final Set<Assumption> assumptionsUsed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Assumption> assumptionsInOrder = new ArrayList<>();
    private final Map<Object, Set<Answer>> answersBehind = new IdentityHashMap<>();
    private Firing current;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        List<Object> objects = event.getMatch().getObjects();
        List<Object> matched = new ArrayList<>(objects.size());
        for (Object o : objects) {
            if (o == null || o.getClass().getName().startsWith("org.drools.")) {
                continue;
            }
            if (o instanceof Assumption a && assumptionsUsed.add(a)) {
                assumptionsInOrder.add(a);
            }
            matched.add(o);
        }
        current = new Firing(event.getMatch().getRule().getName(), matched, new ArrayList<>(2));
        firings.add(current);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current != null) {
            insertedBy.put(event.getObject(), current);
            current.concluded().add(event.getObject());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (current != null) {
            changedBy.computeIfAbsent(event.getObject(), o -> new ArrayList<>(1)).add(current);
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // a retracted fact keeps its record: it no longer appears in the results anyway
    }

    /** The firing whose consequence inserted the fact, if a rule did (answers and catalogue facts have none). */
    public Optional<Firing> firingThatInserted(Object fact) {
        return Optional.ofNullable(insertedBy.get(fact));
    }

    /** The firings that concluded a fact: the one that inserted it, then those that changed it (e.g. scored it). */
    public List<Firing> concluding(Object fact) {
        Firing inserted = insertedBy.get(fact);
        List<Firing> changed = changedBy.getOrDefault(fact, List.of());
        if (changed.isEmpty()) {
            return inserted == null ? List.of() : List.of(inserted);
        }
        List<Firing> all = new ArrayList<>(changed.size() + 1);
        if (inserted != null) {
            all.add(inserted);
        }
        all.addAll(changed);
        return all;
    }

    /**
     * The answers behind a fact: those its concluding firings matched, and, through every derived fact they matched,
     * the answers behind those. The strategy choice is where this stops: it is the chain every later conclusion
     * shares, and its own reasons are given once, on the strategy. Answers the dialogue skipped are left out.
     */
    public Set<Answer> answersBehind(Object fact) {
        Set<Answer> known = answersBehind.get(fact);
        if (known != null) {
            return known;
        }
        answersBehind.put(fact, Set.of()); // a fact that (indirectly) matched itself adds nothing more
        Set<Answer> answers = new LinkedHashSet<>();
        for (Firing f : concluding(fact)) {
            answersMatchedBy(f, answers);
        }
        Set<Answer> result = answers.isEmpty() ? Set.of() : answers;
        answersBehind.put(fact, result);
        return result;
    }

    /** The answers behind one firing: the answers it matched and those behind the derived facts it matched. */
    public void answersMatchedBy(Firing firing, Collection<Answer> into) {
        for (Object matched : firing.matched()) {
            if (matched instanceof Answer a) {
                if (a.isAsked()) {
                    into.add(a);
                }
            } else if (isDerived(matched)) {
                into.addAll(answersBehind(matched));
            }
        }
    }

    /** A fact a rule inserted, other than the strategy choice, which every later conclusion shares. */
    static boolean isDerived(Object fact) {
        return !(fact instanceof StrategyChoice || fact instanceof Accelerator || fact instanceof Assumption
                || fact instanceof Number || fact instanceof String || fact instanceof Boolean || fact instanceof Collection<?>);
    }

    public List<Firing> firings() {
        return firings;
    }

    /** The catalogue assumptions rules matched, in the order they were first used. */
    public List<Assumption> assumptionsUsed() {
        return assumptionsInOrder;
    }
}
