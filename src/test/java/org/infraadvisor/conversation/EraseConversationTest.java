package org.infraadvisor.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.ops.Conversations;
import org.infraadvisor.ops.StoreRows;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.ops.Problems.assertProblem;

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
        String id = (String) Conversations.complete(http.toBlocking(), Map.of()).get("id");
        String other = (String) Conversations.complete(http.toBlocking(), Map.of()).get("id");
        assertThat(StoreRows.rowsOf(dataSource, id)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        var response = http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/" + id));
        assertThat(response.code()).isEqualTo(204);

        assertThat(StoreRows.rowsOf(dataSource, id)).containsOnly(
                Map.entry("conversation", 0), Map.entry("answer", 0), Map.entry("recommendation", 0));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id)));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> Conversations.answer(http.toBlocking(), id, "workload", "training"));
        assertThat(StoreRows.rowsOf(dataSource, other)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    }

    @Test
    void erasingAnUnknownConversationIs404() {
        assertProblem(HttpStatus.NOT_FOUND, "no conversation with id 'never-was'",
                () -> http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/never-was")));
        String id = (String) Conversations.start(http.toBlocking()).get("id");
        http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/" + id));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> http.toBlocking().exchange(HttpRequest.DELETE("/api/conversations/" + id)));
    }
}
