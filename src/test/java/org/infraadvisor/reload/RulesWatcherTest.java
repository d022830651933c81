package org.infraadvisor.reload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @SuppressWarnings("unchecked")
    Map<String, Object> adminRules() {
        return http.toBlocking().retrieve(HttpRequest.GET("/admin/rules").bearerAuth(TOKEN), Map.class);
    }

    Map<String, Object> awaitStatus(Predicate<Map<String, Object>> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> status = adminRules();
        while (!condition.test(status)) {
            assertThat(Instant.now()).as("waiting for the reload; last status %s", status).isBefore(deadline);
            Thread.sleep(100);
            status = adminRules();
        }
        return status;
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedChangesAreServedAndBrokenOnesAreRefusedWithFileAndLine() throws Exception {
        Map<String, Object> before = adminRules();
        String initial = (String) before.get("version");
        assertThat(before).containsEntry("watching", true);

        folder.write("strategy/reload-test.drl", RulesFolder.goodRule(1));
        Map<String, Object> reloaded = awaitStatus(s -> !initial.equals(s.get("version")));
        String second = (String) reloaded.get("version");
        assertThat((Map<String, Object>) reloaded.get("lastReload")).containsEntry("changed", true)
                .hasEntrySatisfying("trigger", t -> assertThat((String) t).startsWith("file change"));

        // a new folder is watched too
        folder.write("extra/more/broken.drl", RulesFolder.brokenRule(2));
        Map<String, Object> refused = awaitStatus(s -> s.get("lastRefused") != null);
        assertThat(refused).containsEntry("version", second);
        Map<String, Object> report = (Map<String, Object>) ((Map<String, Object>) refused.get("lastRefused")).get("report");
        assertThat((List<Map<String, Object>>) report.get("problems")).anySatisfy(p ->
                assertThat(p).containsEntry("file", "rules/extra/more/broken.drl").containsEntry("line", 8));

        Map<String, Object> rec = http.toBlocking().retrieve(HttpRequest.POST("/api/evaluate",
                Map.of("flow", "infra-strategy", "answers", Map.of("workload", "training"))), Map.class);
        assertThat((Map<String, Object>) rec.get("recommendation")).containsEntry("rulesVersion", second);
    }
}
