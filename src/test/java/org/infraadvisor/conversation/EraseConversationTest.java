package org.infraadvisor.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.StoreRows;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.testsupport.Problems.assertProblem;

/** A user can erase their conversation: afterwards nothing of it is left in any table. */
@MicronautTest
class EraseConversationTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Test
    void eraseRemovesTheConversationFromEveryTable() throws Exception {
        String id = new AdvisorClient(http).complete(Map.of()).id();
        String other = new AdvisorClient(http).complete(Map.of()).id();
        assertThat(StoreRows.rowsOf(dataSource, id)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        var response = http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/" + id));
        assertThat(response.code()).isEqualTo(204);

        assertThat(StoreRows.rowsOf(dataSource, id)).containsOnly(
                Map.entry("conversation", 0), Map.entry("answer", 0), Map.entry("recommendation", 0));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id)));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> new AdvisorClient(http).answer(id, "workload", "training"));
        assertThat(StoreRows.rowsOf(dataSource, other)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    }

    @Test
    void erasingAnUnknownConversationIs404() {
        assertProblem(HttpStatus.NOT_FOUND, "no conversation with id 'never-was'",
                () -> http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/never-was")));
        String id = new AdvisorClient(http).start().id();
        http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/" + id));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/" + id)));
    }
}
