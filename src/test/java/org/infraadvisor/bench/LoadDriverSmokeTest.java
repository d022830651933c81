package org.infraadvisor.bench;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The load driver runs its phases against a live service and reports numbers (not judged here). */
@MicronautTest
class LoadDriverSmokeTest {

    @Inject
    EmbeddedServer server;

    @Test
    void allPhasesRunWithoutErrors() throws InterruptedException {
        // One conversation first: it searches each state it reaches for the most decisive question (uncached), which on
        // a busy machine can outlast a whole one-second phase; the phases then find those states in the caches.
        LoadBench.run(new LoadDriver.Settings(server.getURI(), 1, Duration.ZERO, Duration.ofMinutes(5), 1),
                List.of(LoadDriver.Phase.CONVERSATION), () -> Double.NaN);
        // the varied phase's states are new (searched uncached): a turn can take over a second on a busy machine
        LoadDriver.Settings settings = new LoadDriver.Settings(server.getURI(), 4, Duration.ofMillis(200), Duration.ofSeconds(3), 0);
        List<LoadDriver.Result> results = LoadBench.run(settings, List.of(LoadDriver.Phase.values()), () -> Double.NaN);

        assertThat(results).extracting(LoadDriver.Result::phase).containsExactly(LoadDriver.Phase.values());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.firstError()).isNull();
            assertThat(r.errors()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(r.latencyUs().getValueAtPercentile(50)).isPositive();
        });
        LoadDriver.Result conversations = results.get(2);
        assertThat(conversations.conversations()).as("conversations that reached a recommendation").isPositive();
        assertThat(conversations.answerUs().getTotalCount()).isGreaterThan(conversations.conversations());
        assertThat(conversations.finalUs().getTotalCount()).as("one completing turn per completed conversation")
                .isEqualTo(conversations.conversations());
        // varied conversations meet new states: on a busy machine none may complete within the measured 3 s
        assertThat(results.get(3).answerUs().getTotalCount()).as("varied answer turns").isPositive();
        assertThat(LoadDriver.report(results)).contains("flows", "evaluate", "conversation", "varied", "answer turns", "completing turns");
        assertThat(LoadDriver.json(results, java.util.Map.of())).contains("\"ratioToBaseline\"");
    }
}
