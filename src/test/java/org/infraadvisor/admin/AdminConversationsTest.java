package org.infraadvisor.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.http.AdminConversationsController.ConversationPage;
import org.infraadvisor.http.ConversationSummary;
import org.infraadvisor.ops.LogSafe;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.JsonShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.testsupport.Problems.assertProblem;

/** Only the admin token lists conversations, and the list shows metadata, never answers. */
@MicronautTest
@Property(name = "advisor.admin.token", value = AdminConversationsTest.TOKEN)
class AdminConversationsTest {

    static final String TOKEN = "test-admin-token-4f1c-0123456789abcdef";

    @Inject
    @Client("/")
    HttpClient http;

    ConversationPage list(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations" + query).bearerAuth(TOKEN), ConversationPage.class);
    }

    @Test
    void theAdminTokenListsConversationsWithMetadataOnly() {
        AdvisorClient api = new AdvisorClient(http);
        ConversationView finished = api.complete(Map.of());
        String done = finished.id();
        ConversationView begun = api.start();
        String started = begun.id();

        String body = http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations?size=500").bearerAuth(TOKEN), String.class);
        assertThat(body).as("no id and no share token: either would let an administrator act as the user")
                .doesNotContain(done, started, finished.shareToken(), begun.shareToken());
        assertThat(JsonShape.elements(JsonShape.tree(body).get("items"))).allSatisfy(i -> assertThat(JsonShape.keys(i))
                .containsExactlyInAnyOrder("ref", "flow", "status", "channel", "createdAt", "updatedAt", "shared"));

        ConversationPage page = list("?size=500");
        List<ConversationSummary> items = page.items();
        assertThat(items).extracting(ConversationSummary::ref).contains(LogSafe.conversationRef(done), LogSafe.conversationRef(started));
        assertThat(items.get(0).ref()).as("most recently updated first").isEqualTo(LogSafe.conversationRef(started));
        assertThat(items.get(0).shared()).isTrue();
        assertThat(page.total()).isGreaterThanOrEqualTo(2);

        ConversationPage completed = list("?status=completed&size=500");
        assertThat(completed.items()).extracting(ConversationSummary::ref)
                .contains(LogSafe.conversationRef(done)).doesNotContain(LogSafe.conversationRef(started));

        ConversationPage first = list("?page=0&size=1");
        assertThat(first.items()).hasSize(1);
        assertThat(first.page()).isEqualTo(0);
        assertThat(first.size()).isEqualTo(1);
    }

    @Test
    void withoutTheRightTokenNothingIsListed() {
        assertProblem(HttpStatus.UNAUTHORIZED, "Authorization: Bearer",
                () -> http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations")));
        assertProblem(HttpStatus.UNAUTHORIZED, "not the admin token",
                () -> http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations").bearerAuth(TOKEN + "x")));
        assertProblem(HttpStatus.UNAUTHORIZED, "Authorization: Bearer",
                () -> http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations").basicAuth("admin", TOKEN)));
        assertProblem(HttpStatus.UNAUTHORIZED, null,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations/").bearerAuth("")));
    }

    @Test
    void badPagingIsA400() {
        assertProblem(HttpStatus.BAD_REQUEST, "'size' must be between 1 and 500",
                () -> http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations?size=0").bearerAuth(TOKEN)));
        assertProblem(HttpStatus.BAD_REQUEST, "'page'",
                () -> http.toBlocking().retrieve(HttpRequest.GET("/admin/conversations?page=-1").bearerAuth(TOKEN)));
    }

    @Test
    void withoutAConfiguredTokenTheAdminEndpointsAreClosed() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(), "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            assertProblem(HttpStatus.NOT_FOUND, "admin endpoints are off",
                    () -> client.toBlocking().retrieve(HttpRequest.GET("/admin/conversations").bearerAuth("anything")));
            assertProblem(HttpStatus.NOT_FOUND, null,
                    () -> client.toBlocking().retrieve(HttpRequest.GET("/admin/conversations").bearerAuth("")));
        }
    }
}
