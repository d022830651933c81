package org.infraadvisor.engine;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * KieBases that hold only the rules a headline evaluation fires, one per rule set. An evaluation walks the whole
 * network it runs on: every fact inserted passes every pattern of its type, and returning a pooled session resets every
 * node's memory. Rules that only matched and never fired (costs, risks, readiness, plan) made a headline evaluation
 * cost about half a full one although it fires none of them; without them in the KieBase it costs about 13 % less.
 * <p>
 * The copy is made in the background (about a second of CPU once per rule set: the KieBase is copied through the
 * compiled-rules cache's own form and the other rules removed from the copy); until it is ready, or if it cannot be
 * made, the rule set's own KieBase is evaluated with the other rules filtered out, which gives the same headline.
 * Copies are kept for the two most recent rule sets ({@link LatestTwo}), as {@link SessionPools} keeps pools.
 */
final class HeadlineBases {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlineBases.class);

    /** One low-priority thread, only while there is a copy to make. */
    private static final Executor BUILDER = builder();

    private record Key(KieBase full, Set<String> rules) {
    }

    private final LatestTwo<Key, CompletableFuture<KieBase>> copies =
            new LatestTwo<>((a, b) -> a.full() == b.full() && a.rules().equals(b.rules()));

    /** The KieBase with only {@code rules} of the rule set, or null while it is being made or when it cannot be. */
    KieBase reduced(RuleSet ruleSet, Set<String> rules) {
        return copy(ruleSet, rules).getNow(null);
    }

    /** Waits for the KieBase with only {@code rules} of the rule set; false when it cannot be made. */
    boolean await(RuleSet ruleSet, Set<String> rules) {
        return copy(ruleSet, rules).join() != null;
    }

    private CompletableFuture<KieBase> copy(RuleSet ruleSet, Set<String> rules) {
        return copies.get(new Key(ruleSet.kieBase(), rules),
                k -> CompletableFuture.supplyAsync(() -> copyWithOnly(k.full(), k.rules()), BUILDER));
    }

    /** A copy of the KieBase without the rules not named; the KieBase itself when it has no others; null when it fails. */
    static KieBase copyWithOnly(KieBase full, Set<String> rules) {
        List<String[]> others = others(full, rules);
        if (others.isEmpty()) {
            return full;
        }
        try {
            long start = System.nanoTime();
            KieBase copy = KieBaseCache.copy(full);
            for (String[] rule : others) {
                copy.removeRule(rule[0], rule[1]);
            }
            LOG.info("Headline rules ready: {} of {} rules in {} ms", countRules(copy), countRules(full),
                    (System.nanoTime() - start) / 1_000_000);
            return copy;
        } catch (Exception | LinkageError e) {
            LOG.warn("Headline evaluations keep the whole rule set: cannot copy it ({})", e.toString());
            return null;
        }
    }

    /** Package and name of every rule of the KieBase not in {@code rules}. */
    private static List<String[]> others(KieBase kieBase, Set<String> rules) {
        List<String[]> others = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!rules.contains(r.getName())) {
                    others.add(new String[]{p.getName(), r.getName()});
                }
            }
        }
        return others;
    }

    private static int countRules(KieBase kieBase) {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    private static Executor builder() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "headline-rules");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
