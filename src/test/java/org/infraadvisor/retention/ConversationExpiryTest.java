package org.infraadvisor.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.StoreRows;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled cleanup deletes conversations nobody touched for longer than the configured expiry, and only those. */
@MicronautTest
@Property(name = "advisor.retention.expire-after", value = "2h")
@Property(name = "advisor.retention.cleanup-interval", value = "100ms")
@Property(name = "advisor.retention.initial-delay", value = "0s")
class ConversationExpiryTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    int status(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path)).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    void abandonedConversationsAreDeletedWithEverythingStoredForThem() throws Exception {
        String abandoned = new AdvisorClient(http).complete(Map.of()).id();
        String recent = new AdvisorClient(http).complete(Map.of()).id();
        String almost = new AdvisorClient(http).start().id();
        assertThat(StoreRows.rowsOf(dataSource, abandoned)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        StoreRows.touch(dataSource, abandoned, Instant.now().minus(Duration.ofHours(3)));
        StoreRows.touch(dataSource, almost, Instant.now().minus(Duration.ofMinutes(100)));

        Instant deadline = Instant.now().plusSeconds(30);
        while (status("/api/conversations/" + abandoned) != 404 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(status("/api/conversations/" + abandoned)).isEqualTo(404);
        assertThat(StoreRows.rowsOf(dataSource, abandoned)).containsOnly(
                Map.entry("conversation", 0), Map.entry("answer", 0), Map.entry("recommendation", 0));
        assertThat(status("/api/conversations/" + recent)).isEqualTo(200);
        assertThat(status("/api/conversations/" + almost)).isEqualTo(200);
    }
}
