package org.infraadvisor.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.infraadvisor.testsupport.TestPostgres;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/** The whole REST contract of {@link ConversationControllerTest}, on PostgreSQL instead of H2. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationControllerOnPostgresTest extends ConversationControllerTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestPostgres.datasource().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        return properties;
    }
}
