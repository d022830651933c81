package org.infraadvisor.reload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.authoring.VerifyReport;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.http.EvaluateController.EvaluateResponse;
import org.infraadvisor.http.RulesAdminController.RulesStatus;
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

    /** The problem document of a refused reload: what is wrong, the version still serving and the verify report. */
    @Serdeable
    record RefusedReload(int status, String detail, String servingVersion, VerifyReport report) {
    }

    RulesStatus adminRules() {
        return http.toBlocking().retrieve(HttpRequest.GET("/admin/rules").bearerAuth(TOKEN), RulesStatus.class);
    }

    @Test
    void noRequestFailsAndOnlyWholeVersionsAreServed() throws Exception {
        Set<String> served = ConcurrentHashMap.newKeySet();
        served.add(adminRules().version());
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
                        HttpResponse<EvaluateResponse> r = http.toBlocking().exchange(HttpRequest.POST("/api/evaluate", body),
                                EvaluateResponse.class);
                        RecommendationDocument rec = r.body().recommendation();
                        seen.add(rec.rulesVersion());
                        if (r.code() != 200 || rec.strategy() == null) {
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
                RulesReloader.Attempt accepted = http.toBlocking().retrieve(
                        HttpRequest.POST("/admin/rules/reload", "").bearerAuth(TOKEN), RulesReloader.Attempt.class);
                assertThat(accepted.accepted()).isTrue();
                assertThat(accepted.changed()).isTrue();
                String version = accepted.servingVersion();
                served.add(version);

                // odd cycles break the syntax, even ones compile but fail the scenario suite
                boolean syntax = cycle % 2 == 1;
                folder.write("strategy/reload-test.drl", syntax ? RulesFolder.brokenRule(cycle) : RulesFolder.scenarioBreakingRule(cycle));
                HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () ->
                        http.toBlocking().exchange(HttpRequest.POST("/admin/rules/reload", "").bearerAuth(TOKEN), RefusedReload.class));
                assertThat(refused.getStatus().getCode()).isEqualTo(422);
                RefusedReload problem = refused.getResponse().getBody(RefusedReload.class).orElseThrow();
                assertThat(problem.servingVersion()).isEqualTo(version);
                VerifyReport report = problem.report();
                if (syntax) {
                    assertThat(problem.detail()).contains("rules/strategy/reload-test.drl:8");
                    assertThat(report.problems()).anySatisfy(p -> {
                        assertThat(p.file()).isEqualTo("rules/strategy/reload-test.drl");
                        assertThat(p.line()).isEqualTo(8);
                        assertThat(p.message()).isNotBlank();
                    });
                } else {
                    assertThat(problem.detail()).contains("scenario").contains("expected");
                    assertThat(report.scenarios().failed()).isPositive();
                    assertThat(report.scenarios().results()).anySatisfy(r -> {
                        assertThat(r.passed()).isFalse();
                        assertThat(r.file()).startsWith("rules/scenarios/");
                        assertThat(r.differences()).anySatisfy(d -> assertThat(d).contains("strategy"));
                    });
                }
                assertThat(adminRules().version()).isEqualTo(version);
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

        RulesReloader.Attempt lastRefused = adminRules().lastRefused();
        assertThat(lastRefused.accepted()).isFalse();
        assertThat(lastRefused.trigger()).isEqualTo("POST /admin/rules/reload");
        assertThat(lastRefused.at()).isNotNull();
        assertThat(lastRefused.report().problems()).isNotNull();
    }
}
