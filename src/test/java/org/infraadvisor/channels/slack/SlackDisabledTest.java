package org.infraadvisor.channels.slack;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Without a signing secret the Slack endpoint is off: it answers 503 and says what to configure. */
@MicronautTest
@Property(name = "advisor.slack.signing-secret", value = "")
class SlackDisabledTest {

    @Inject
    EmbeddedServer server;

    @Test
    void withoutASigningSecretTheEndpointIsDisabled() {
        SlackTestClient client = new SlackTestClient(server.getURI(), null);
        String body = "{\"type\": \"url_verification\", \"challenge\": \"abc\"}";
        SlackEndpointSecurityTest.assertProblem(client.signed(SlackTestClient.JSON, body), 503, "set SLACK_SIGNING_SECRET");
        SlackEndpointSecurityTest.assertProblem(client.send(SlackTestClient.JSON, body, Map.of()), 503, "disabled");
    }
}
