package org.infraadvisor.conversation;

import org.infraadvisor.testsupport.TestDatabases;

import java.util.Map;

class ConcurrentAnswersOnPostgresTest extends ConcurrentAnswersTest {
    @Override
    Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
