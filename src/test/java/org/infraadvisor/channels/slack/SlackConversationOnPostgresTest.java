package org.infraadvisor.channels.slack;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.infraadvisor.testsupport.TestDatabases;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/** The Slack conversations of {@link SlackConversationTest}, with their links and delivery keys on PostgreSQL. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackConversationOnPostgresTest extends SlackConversationTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        TestDatabases.postgres().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        return properties;
    }
}
