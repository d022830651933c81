package org.infraadvisor.engine;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.Assumption;
import org.infraadvisor.facts.AssumptionReads;
import org.infraadvisor.facts.SharedConclusion;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
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
     * added up), the facts its consequence inserted, and the assumptions its consequence read through bundles of
     * them ({@link AssumptionReads}), by key.
     */
    public record Firing(String rule, List<Object> matched, List<Object> concluded, Set<String> read) {
    }

    /** Drools' own objects in a match (e.g. the tuple of an accumulate); asked per matched fact, so worked out once per class. */
    private static final ClassValue<Boolean> DROOLS_INTERNAL = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getName().startsWith("org.drools.");
        }
    };

    private final Map<Object, Firing> insertedBy = new IdentityHashMap<>();
    private final Map<Object, List<Firing>> changedBy = new IdentityHashMap<>();
    private final List<Firing> firings = new ArrayList<>();
    private final Map<Object, Behind> behind = new IdentityHashMap<>();
    private final Map<Object, Integer> index = new IdentityHashMap<>();
    private final List<Object> indexed = new ArrayList<>();
    private final Map<String, Assumption> assumptions = new HashMap<>();
    private Firing current;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        List<Object> objects = event.getMatch().getObjects();
        List<Object> matched = new ArrayList<>(objects.size());
        for (Object o : objects) {
            if (o != null && !DROOLS_INTERNAL.get(o.getClass())) {
                matched.add(o);
            }
        }
        current = new Firing(event.getMatch().getRule().getName(), matched, new ArrayList<>(2), new LinkedHashSet<>(2));
        firings.add(current);
        AssumptionReads.begin(current.read());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        AssumptionReads.end();
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current != null) {
            insertedBy.put(event.getObject(), current);
            current.concluded().add(event.getObject());
        } else if (event.getObject() instanceof Assumption a) {
            assumptions.put(a.getKey(), a);
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
     * the answers behind those. A shared conclusion (the strategy, a recommended accelerator, the top choice) is where
     * this stops: it is the chain the later conclusions share, and its own reasons are given once, on it. Answers the
     * dialogue skipped are left out.
     */
    public Set<Answer> answersBehind(Object fact) {
        return new LinkedHashSet<>(behind(fact).answers());
    }

    /** The answers and the catalogue assumptions behind a fact, followed through derived facts as {@link #answersBehind}. */
    public Behind behind(Object fact) {
        Behind known = behind.get(fact);
        if (known != null) {
            return known;
        }
        behind.put(fact, Behind.NOTHING); // a fact that (indirectly) matched itself adds nothing more
        Gathered gathered = new Gathered();
        for (Firing f : concluding(fact)) {
            behindFiring(f, gathered);
        }
        Behind result = gathered.toBehind();
        behind.put(fact, result);
        return result;
    }

    /**
     * What stands behind one firing: the answers and assumptions it matched, the assumptions it read through bundles
     * of them, and what stands behind the derived facts it matched. A firing that builds a bundle adds none of the
     * assumptions it matched: each counts only where a later firing reads it.
     */
    public void behindFiring(Firing firing, Gathered into) {
        boolean bundles = false;
        for (Object concluded : firing.concluded()) {
            bundles |= concluded instanceof AssumptionReads.Bundle;
        }
        for (Object matched : firing.matched()) {
            if (matched instanceof Answer a) {
                if (a.isAsked()) {
                    into.answers.add(indexOf(a));
                }
            } else if (matched instanceof Assumption a) {
                if (!bundles) {
                    into.assumptions.add(indexOf(a));
                }
            } else if (isDerived(matched)) {
                into.add(behind(matched));
            }
        }
        for (String key : firing.read()) {
            Assumption a = assumptions.get(key);
            if (a != null) {
                into.assumptions.add(indexOf(a));
            }
        }
    }

    /** Answers and assumptions gathered while following a conclusion back, each once, in the order first met. */
    public Gathered gather() {
        return new Gathered();
    }

    /**
     * Facts are numbered as the trace first meets them, so that what stands behind a conclusion is a few short lists
     * of numbers: merging them (every item merges those of the derived facts it rests on) needs no hashing.
     */
    private int indexOf(Object fact) {
        Integer known = index.get(fact);
        if (known != null) {
            return known;
        }
        index.put(fact, indexed.size());
        indexed.add(fact);
        return indexed.size() - 1;
    }

    /** The answers and catalogue assumptions a conclusion rests on, each in the order first met. */
    public static final class Behind {
        static final Behind NOTHING = new Behind(List.of(), new int[0], new int[0]);

        private final List<Object> numbered;
        private final int[] answers;
        private final int[] assumptions;

        private Behind(List<Object> numbered, int[] answers, int[] assumptions) {
            this.numbered = numbered;
            this.answers = answers;
            this.assumptions = assumptions;
        }

        public List<Answer> answers() {
            return facts(answers, Answer.class);
        }

        public List<Assumption> assumptions() {
            return facts(assumptions, Assumption.class);
        }

        private <T> List<T> facts(int[] numbers, Class<T> type) {
            List<T> facts = new ArrayList<>(numbers.length);
            for (int n : numbers) {
                facts.add(type.cast(numbered.get(n)));
            }
            return facts;
        }
    }

    /** A {@link Behind} being put together from the firings that concluded something. */
    public final class Gathered {
        private final Numbers answers = new Numbers();
        private final Numbers assumptions = new Numbers();

        private Gathered() {
        }

        void add(Behind behind) {
            answers.addAll(behind.answers);
            assumptions.addAll(behind.assumptions);
        }

        void addAssumptions(Behind behind) {
            assumptions.addAll(behind.assumptions);
        }

        public Behind toBehind() {
            return answers.size == 0 && assumptions.size == 0 ? Behind.NOTHING
                    : new Behind(indexed, answers.toArray(), assumptions.toArray());
        }
    }

    /** Fact numbers in the order added, each once. */
    private static final class Numbers {
        private final BitSet seen = new BitSet(256); // room for every fact an evaluation numbers
        private int[] order = new int[8];
        private int size;

        void add(int n) {
            if (!seen.get(n)) {
                seen.set(n);
                if (size == order.length) {
                    order = Arrays.copyOf(order, size * 2);
                }
                order[size++] = n;
            }
        }

        void addAll(int[] numbers) {
            for (int n : numbers) {
                add(n);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(order, size);
        }
    }

    /** A fact a rule inserted, other than a conclusion later ones share. */
    static boolean isDerived(Object fact) {
        return !(fact instanceof SharedConclusion || fact instanceof Accelerator || fact instanceof Assumption
                || fact instanceof Number || fact instanceof String || fact instanceof Boolean || fact instanceof Collection<?>);
    }

    public List<Firing> firings() {
        return firings;
    }
}
