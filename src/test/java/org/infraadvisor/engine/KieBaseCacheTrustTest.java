package org.infraadvisor.engine;

import org.drools.base.common.DroolsObjectOutputStream;
import org.infraadvisor.testsupport.Folders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled-rules cache entry is code. One that this service did not write (planted in the cache folder, copied from
 * another machine, made from other rules) must never run under the clean rules' version: it is recompiled and
 * replaced. Each of the three checks is shown on its own: the digest kept apart, the rule names against the DRL, the
 * deserialisation filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KieBaseCacheTrustTest {

    static final String PLANTED = "PLANTED description";
    /** A small clean rule set (with a declared type) keeps the compiles short; the checks do not depend on its size. */
    static final Path RULES = Path.of("src/test/resources/verify-fixtures/base/rules");
    static final Path FLOWS = Path.of("src/test/resources/verify-fixtures/base/conversations");

    /** Trusts every digest, to show the checks behind the digest on their own. */
    static final KieBaseDigests TRUSTS_ALL = new KieBaseDigests() {
        @Override
        public boolean isRecorded(String key, String sha256) {
            return true;
        }

        @Override
        public void record(String key, String sha256) {
        }
    };

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    /** The shipped rules compiled once: the key of their entry and its rules. */
    String cleanKey;
    RuleSet clean;
    /** Entries compiled from other rules: the same rule names with one description changed, and one rule more. */
    byte[] tamperedEntry;
    byte[] extraRuleEntry;

    @BeforeAll
    void compileOnce() throws IOException {
        Path cleanCache = shared.resolve("clean-cache");
        clean = RuleSetLoader.load(RULES, FLOWS, cleanCache, new KieBaseDigests.InMemory());
        cleanKey = key(onlyEntry(cleanCache));
        tamperedEntry = entryOf(tamperedRules());
        extraRuleEntry = entryOf(rulesWithAnExtraRule());
    }

    byte[] entryOf(Path rules) throws IOException {
        Path cache = shared.resolve(rules.getFileName() + "-cache");
        RuleSet other = RuleSetLoader.load(rules, FLOWS, cache, new KieBaseDigests.InMemory());
        assertThat(planted(other)).as("the other rules carry the planted description").isTrue();
        return Files.readAllBytes(onlyEntry(cache));
    }

    Path tamperedRules() throws IOException {
        Path rules = Folders.copy(RULES, shared.resolve("tampered"));
        Path drl;
        try (Stream<Path> files = Files.walk(rules)) {
            drl = files.filter(p -> p.toString().endsWith(".drl")).sorted()
                    .filter(p -> read(p).contains("@description(\"")).findFirst().orElseThrow();
        }
        Files.writeString(drl, read(drl).replaceFirst("@description\\(\"[^\"]*\"\\)", "@description(\"" + PLANTED + "\")"));
        return rules;
    }

    Path rulesWithAnExtraRule() throws IOException {
        Path rules = Folders.copy(RULES, shared.resolve("extra"));
        Files.writeString(rules.resolve("strategy/planted.drl"), """
                package rules;
                import org.infraadvisor.facts.StrategyVote;
                rule "Planted rule"
                    @description("%s")
                when
                then
                    insert(new StrategyVote("on-prem", 1000, "planted"));
                end
                """.formatted(PLANTED));
        return rules;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String key(Path entry) {
        return entry.getFileName().toString().replace(".kiebase", "");
    }

    static Path onlyEntry(Path cache) throws IOException {
        List<Path> entries = KieBaseCacheTest.entries(cache);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    static boolean planted(RuleSet ruleSet) {
        return ruleSet.rules().values().stream().anyMatch(r -> PLANTED.equals(r.description()));
    }

    /** A cache folder holding the given bytes at the clean rules' key, as if someone had put them there. */
    Path cacheWithPlantedEntry(byte[] entry) throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.write(cache.resolve(cleanKey + ".kiebase"), entry);
        return cache;
    }

    @Test
    void aPlantedEntryIsNotRunBecauseItsDigestWasNeverRecorded() throws IOException {
        Path cache = cacheWithPlantedEntry(tamperedEntry);
        byte[] planted = tamperedEntry;
        KieBaseDigests database = new KieBaseDigests.InMemory(); // the service's record: it never wrote that file

        RuleSet served = RuleSetLoader.load(RULES, FLOWS, cache, database);

        assertThat(planted(served)).as("the planted description must not be served").isFalse();
        byte[] replaced = Files.readAllBytes(onlyEntry(cache));
        assertThat(replaced).as("the entry was compiled again and replaced").isNotEqualTo(planted);
        assertThat(database.isRecorded(cleanKey, KieBaseCache.sha256(replaced))).isTrue();
        RuleSet again = RuleSetLoader.load(RULES, FLOWS, cache, database);
        assertThat(Files.readAllBytes(onlyEntry(cache))).as("the replacement is trusted: nothing new written").isEqualTo(replaced);
        assertThat(again.rules()).isEqualTo(served.rules());
    }

    @Test
    void anEntryOfOtherRulesIsNotRunEvenWithATrustedDigest() throws IOException {
        Path cache = cacheWithPlantedEntry(extraRuleEntry);

        RuleSet served = RuleSetLoader.load(RULES, FLOWS, cache, TRUSTS_ALL);

        assertThat(served.rules()).doesNotContainKey("Planted rule");
        assertThat(planted(served)).isFalse();
    }

    /** Stands for a gadget of some library: deserialising it would run code. */
    static final class Gadget implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        static volatile boolean ran;

        @Serial
        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            ran = true;
        }
    }

    @Test
    void anEntryWithClassesOtherThanTheEnginesIsRefusedBeforeAnyOfItsCodeRuns() throws IOException {
        Path cache = cacheWithPlantedEntry(new byte[0]);
        Path entry = onlyEntry(cache);
        Map<String, Object> declared = new HashMap<>();
        declared.put("rules/Harmless.class", new Gadget());
        try (OutputStream out = Files.newOutputStream(entry); ObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
            objects.writeObject(declared);
            objects.writeObject(new ArrayList<>());
        }
        Gadget.ran = false;

        assertThat(new KieBaseCache(cache, TRUSTS_ALL).read(cleanKey, clean.sources())).isNull();
        assertThat(Gadget.ran).as("the filter stops the stream before the gadget's readObject").isFalse();

        RuleSet served = RuleSetLoader.load(RULES, FLOWS, cache, TRUSTS_ALL);
        assertThat(served.rules()).isEqualTo(clean.rules());
        assertThat(Gadget.ran).isFalse();
    }

    @Test
    void theFilterAllowsTheEngineTheDrlPackagesAndWhatTheDrlImportsOnly() {
        KieBaseFilter filter = new KieBaseFilter(new DrlOutline(java.util.Set.of("rules", "com.example.pricing"), java.util.Set.of(),
                java.util.Set.of("org.infraadvisor.knowledge.OwnedCost", "org.infraadvisor.format.Readable"), java.util.Set.of("com.example.util")));
        assertThat(filter.allowed("org.drools.base.definitions.impl.KnowledgePackageImpl")).isTrue();
        assertThat(filter.allowed("org.infraadvisor.facts.StrategyVote")).isTrue();
        assertThat(filter.allowed("rules.Candidate")).isTrue();
        assertThat(filter.allowed("com.example.pricing.Usd")).isTrue();
        assertThat(filter.allowed("org.infraadvisor.knowledge.OwnedCost")).isTrue();
        assertThat(filter.allowed("org.infraadvisor.knowledge.OwnedCost$Rates")).isTrue();
        assertThat(filter.allowed("com.example.util.Money")).isTrue();
        assertThat(filter.allowed("java.util.HashMap")).isTrue();
        for (String gadget : List.of("org.apache.commons.collections.functors.InvokerTransformer", "javax.management.BadAttributeValueExpException",
                "java.util.PriorityQueue", "org.infraadvisor.engine.KieBaseCacheTrustTest$Gadget", "rules.sub.Other",
                "com.example.Usd", "java.lang.reflect.Proxy", "org.infraadvisor.conversation.ConversationService",
                "org.infraadvisor.knowledge.Pricing", "com.example.util.sub.Money")) {
            assertThat(filter.allowed(gadget)).as(gadget).isFalse();
        }
    }

    @Test
    void theShippedRulesComeBackFromTheirOwnEntry() throws IOException {
        Path cache = tmp.resolve("shipped-cache");
        KieBaseDigests digests = new KieBaseDigests.InMemory();
        RuleSet compiled = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"), cache, digests);
        KieBaseCache kieBases = new KieBaseCache(cache, digests);
        assertThat(kieBases.read(key(onlyEntry(cache)), compiled.sources()))
                .as("whatever the knowledge base imports, a genuine entry passes the filter and the rule names").isNotNull();
    }
}
