package org.infraadvisor.engine;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.testsupport.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiled rules kept on disk give exactly the advice of freshly compiled ones; a bad entry only means "compile". */
class KieBaseCacheTest {

    static final List<Map<String, Object>> ANSWER_SETS = List.of(SessionReuseTest.ON_PREM, SessionReuseTest.CLOUD,
            Map.of("workload", "mixed", "model_size_b", 8.0, "latency", "realtime", "ops_skills", "advanced"));

    @TempDir
    Path tmp;

    @Test
    void aCachedKieBaseAdvisesExactlyLikeTheCompiledOne() throws IOException {
        Path cache = tmp.resolve("cache");
        RuleSet compiled = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"), cache);
        assertThat(entries(cache)).hasSize(1);

        KieBaseCache kieBases = new KieBaseCache(cache);
        String key = entries(cache).get(0).getFileName().toString().replace(".kiebase", "");
        KieBase restored = kieBases.read(key, kiePathSources(compiled));
        assertThat(restored).isNotNull().isNotSameAs(compiled.kieBase());
        RuleSet fromCache = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"), cache);
        assertThat(entries(cache)).as("a hit writes nothing new").hasSize(1);
        assertThat(fromCache.rules()).isEqualTo(compiled.rules());

        Flow flow = compiled.flow("infra-strategy").orElseThrow();
        RuleSet restoredSet = new RuleSet(compiled.version(), compiled.loadedAt(), restored, compiled.flows(),
                compiled.accelerators(), compiled.assumptions(), compiled.rules(), compiled.sources(), compiled.phases());
        AdvisorEngine engine = new AdvisorEngine(10_000);
        for (Map<String, Object> answers : ANSWER_SETS) {
            Advice expected = engine.evaluate(compiled, flow, answers);
            assertThat(engine.evaluate(restoredSet, flow, answers)).isEqualTo(expected);
            assertThat(engine.evaluate(fromCache, flow, answers)).isEqualTo(expected);
        }
    }

    @Test
    void changedRulesGetTheirOwnEntry() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = Folders.copy(Path.of("rules"), tmp.resolve("rules"));
        RuleSetLoader.load(rules, Path.of("conversations"), cache);
        Files.writeString(rules.resolve("strategy/extra.drl"), """
                package rules.strategy;
                import org.infraadvisor.facts.Answer;
                import org.infraadvisor.facts.StrategyVote;
                rule "Realtime latency needs hardware close by"
                    @description("A test rule.")
                when
                    Answer(question == "latency", value == "realtime")
                then
                    insert(new StrategyVote("on-prem", 5, "realtime"));
                end
                """);
        RuleSet changed = RuleSetLoader.load(rules, Path.of("conversations"), cache);

        assertThat(entries(cache)).hasSize(2);
        assertThat(changed.rules()).containsKey("Realtime latency needs hardware close by");
    }

    @Test
    void anUnreadableEntryIsCompiledAgainAndReplaced() throws IOException {
        Path cache = tmp.resolve("cache");
        RuleSet compiled = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"), cache);
        Path entry = entries(cache).get(0);
        Files.write(entry, new byte[]{1, 2, 3, 4});

        assertThat(new KieBaseCache(cache).read(entry.getFileName().toString().replace(".kiebase", ""), kiePathSources(compiled))).isNull();
        RuleSet reloaded = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"), cache);

        assertThat(reloaded.rules()).isEqualTo(compiled.rules());
        assertThat(Files.size(entry)).isGreaterThan(4);
    }

    /** The sources as the compiler keys them (the same DRL texts; only their packages and rule names matter here). */
    static Map<String, String> kiePathSources(RuleSet ruleSet) {
        return ruleSet.sources();
    }

    static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.toString().endsWith(".kiebase")).toList();
        }
    }
}
