package org.infraadvisor.ops;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.AdvisorClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Operators scrape {@code /prometheus}: the advisor's meters move when conversations happen. */
@MicronautTest
@Property(name = "advisor.management.token", value = MetricsTest.TOKEN)
class MetricsTest {

    static final String TOKEN = "metrics-test-management-token-0123456789";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AdvisorMetrics metrics;

    String scrape() {
        return http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(TOKEN));
    }

    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    @Test
    void conversationMovesTheAdvisorMeters() {
        String before = scrape();
        int turns = new AdvisorClient(http).complete(Map.of("workload", "inference")).answers().size();
        assertThatThrownBy(() -> http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/no-such-id")))
                .isInstanceOf(HttpClientResponseException.class);

        String after = scrape();
        assertThat(value(after, "advisor_turns_total{channel=\"api\"}") - value(before, "advisor_turns_total{channel=\"api\"}"))
                .isGreaterThanOrEqualTo(turns);
        assertThat(value(after, "advisor_conversations_started_total{channel=\"api\"}")
                - value(before, "advisor_conversations_started_total{channel=\"api\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "advisor_evaluations_seconds_count{outcome=\"success\"}")
                - value(before, "advisor_evaluations_seconds_count{outcome=\"success\"}")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("advisor_evaluations_seconds_bucket{outcome=\"success\",le=");
        assertThat(value(after, "advisor_errors_total{status=\"404\"}")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("http_server_requests_seconds_count{", "uri=\"/api/conversations/{id}/answers\"")
                .contains("http_server_requests_seconds_bucket{");
    }

    @Test
    void ruleReloadsAreCountedByOutcome() {
        assertThat(scrape()).contains("advisor_rules_reloads_total{outcome=\"failure\"}", "advisor_rules_reloads_total{outcome=\"success\"}");
        double ok = value(scrape(), "advisor_rules_reloads_total{outcome=\"success\"}");
        double failed = value(scrape(), "advisor_rules_reloads_total{outcome=\"failure\"}");
        metrics.reload(true);
        metrics.reload(false);
        metrics.reload(false);
        String after = scrape();
        assertThat(value(after, "advisor_rules_reloads_total{outcome=\"success\"}")).isEqualTo(ok + 1);
        assertThat(value(after, "advisor_rules_reloads_total{outcome=\"failure\"}")).isEqualTo(failed + 2);
    }
}
