package org.infraadvisor.reload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Requests keep coming from several threads while good and broken rule sets are reloaded: none fails, and
 * every recommendation carries one of the versions that were actually served.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotReloadUnderLoadTest implements TestPropertyProvider {

    static final String TOKEN = "reload-test-token-0123456789abcdefghi";
    static final int CLIENTS = 3;
    static final int CYCLES = 2;

    final RulesFolder folder = new RulesFolder("hot-reload");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.client.read-timeout", "180s", // a reload compiles and runs every scenario
                "advisor.rules.dir", folder.rules.toString(),
                "advisor.conversations.dir", folder.conversations.toString(),
                "advisor.admin.token", TOKEN,
                "advisor.rules.watch", "false");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> adminRules() {
        return http.toBlocking().retrieve(HttpRequest.GET("/admin/rules").bearerAuth(TOKEN), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void noRequestFailsAndOnlyWholeVersionsAreServed() throws Exception {
        Set<String> served = ConcurrentHashMap.newKeySet();
        served.add((String) adminRules().get("version"));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Object> body = Map.of("flow", "infra-strategy", "answers",
                Map.of("workload", "inference", "model_size_b", 70, "utilization", "steady", "budget", "capex"));

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<Map> r = http.toBlocking().exchange(HttpRequest.POST("/api/evaluate", body), Map.class);
                        Map<String, Object> rec = (Map<String, Object>) r.body().get("recommendation");
                        seen.add((String) rec.get("rulesVersion"));
                        if (r.code() != 200 || rec.get("strategy") == null) {
                            failures.add("status " + r.code() + ": " + r.body());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                    requests.incrementAndGet();
                }
            }));
        }
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                folder.write("strategy/reload-test.drl", RulesFolder.goodRule(cycle));
                Map<String, Object> accepted = http.toBlocking().retrieve(
                        HttpRequest.POST("/admin/rules/reload", "").bearerAuth(TOKEN), Map.class);
                assertThat(accepted).containsEntry("accepted", true).containsEntry("changed", true);
                String version = (String) accepted.get("servingVersion");
                served.add(version);

                // odd cycles break the syntax, even ones compile but fail the scenario suite
                boolean syntax = cycle % 2 == 1;
                folder.write("strategy/reload-test.drl", syntax ? RulesFolder.brokenRule(cycle) : RulesFolder.scenarioBreakingRule(cycle));
                HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () ->
                        http.toBlocking().exchange(HttpRequest.POST("/admin/rules/reload", "").bearerAuth(TOKEN), Map.class));
                assertThat(refused.getStatus().getCode()).isEqualTo(422);
                Map<String, Object> problem = refused.getResponse().getBody(Map.class).orElseThrow();
                assertThat(problem).containsEntry("servingVersion", version);
                Map<String, Object> report = (Map<String, Object>) problem.get("report");
                if (syntax) {
                    assertThat((String) problem.get("detail")).contains("rules/strategy/reload-test.drl:8");
                    assertThat((List<Map<String, Object>>) report.get("problems")).anySatisfy(p -> {
                        assertThat(p).containsEntry("file", "rules/strategy/reload-test.drl").containsEntry("line", 8);
                        assertThat((String) p.get("message")).isNotBlank();
                    });
                } else {
                    assertThat((String) problem.get("detail")).contains("scenario").contains("expected");
                    Map<String, Object> scenarios = (Map<String, Object>) report.get("scenarios");
                    assertThat((Integer) scenarios.get("failed")).isPositive();
                    assertThat((List<Map<String, Object>>) scenarios.get("results")).anySatisfy(r -> {
                        assertThat(r).containsEntry("passed", false);
                        assertThat((String) r.get("file")).startsWith("rules/scenarios/");
                        assertThat((List<String>) r.get("differences")).anySatisfy(d -> assertThat(d).contains("strategy"));
                    });
                }
                assertThat(adminRules()).containsEntry("version", version);
            }
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> f : running) {
            f.get();
        }
        assertThat(failures).isEmpty();
        assertThat(requests.get()).isGreaterThanOrEqualTo(CLIENTS * 2);
        assertThat(served).hasSize(CYCLES + 1);
        assertThat(seen).isSubsetOf(served).hasSizeGreaterThanOrEqualTo(2);

        Map<String, Object> status = adminRules();
        Map<String, Object> lastRefused = (Map<String, Object>) status.get("lastRefused");
        assertThat(lastRefused).containsEntry("accepted", false).containsEntry("trigger", "POST /admin/rules/reload");
        assertThat(lastRefused.get("at")).isNotNull();
        assertThat((Map<String, Object>) lastRefused.get("report")).containsKey("problems");
    }
}
