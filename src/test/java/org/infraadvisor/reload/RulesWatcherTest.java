package org.infraadvisor.reload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.http.EvaluateController.EvaluateResponse;
import org.infraadvisor.http.RulesAdminController.RulesStatus;
import org.infraadvisor.testsupport.AdvisorClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving a rule file is enough: the service reloads by itself, or keeps the old rules and says where it broke. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesWatcherTest implements TestPropertyProvider {

    static final String TOKEN = "watch-test-token-0123456789abcdefghij";

    final RulesFolder folder = new RulesFolder("watch");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.client.read-timeout", "180s", // a reload compiles and runs every scenario
                "advisor.rules.dir", folder.rules.toString(),
                "advisor.conversations.dir", folder.conversations.toString(),
                "advisor.admin.token", TOKEN,
                "advisor.rules.watch", "true",
                "advisor.rules.watch-debounce", "200ms");
    }

    RulesStatus adminRules() {
        return http.toBlocking().retrieve(HttpRequest.GET("/admin/rules").bearerAuth(TOKEN), RulesStatus.class);
    }

    RulesStatus awaitStatus(Predicate<RulesStatus> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        RulesStatus status = adminRules();
        while (!condition.test(status)) {
            assertThat(Instant.now()).as("waiting for the reload; last status %s", status).isBefore(deadline);
            Thread.sleep(100);
            status = adminRules();
        }
        return status;
    }

    @Test
    void savedChangesAreServedAndBrokenOnesAreRefusedWithFileAndLine() throws Exception {
        RulesStatus before = adminRules();
        String initial = before.version();
        assertThat(before.watching()).isTrue();

        folder.write("strategy/reload-test.drl", RulesFolder.goodRule(1));
        RulesStatus reloaded = awaitStatus(s -> !initial.equals(s.version()));
        String second = reloaded.version();
        assertThat(reloaded.lastReload().changed()).isTrue();
        assertThat(reloaded.lastReload().trigger()).startsWith("file change");

        // a new folder is watched too
        folder.write("extra/more/broken.drl", RulesFolder.brokenRule(2));
        RulesStatus refused = awaitStatus(s -> s.lastRefused() != null);
        assertThat(refused.version()).isEqualTo(second);
        assertThat(refused.lastRefused().report().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/extra/more/broken.drl");
            assertThat(p.line()).isEqualTo(8);
        });

        EvaluateResponse evaluated = new AdvisorClient(http).evaluate(Map.of("flow", "infra-strategy", "answers", Map.of("workload", "training")));
        assertThat(evaluated.recommendation().rulesVersion()).isEqualTo(second);
    }
}
