package org.infraadvisor.conversation;

import org.infraadvisor.testsupport.TestDatabases;

import java.util.Map;

class ConcurrentAnswersOnH2Test extends ConcurrentAnswersTest {
    @Override
    Map<String, Object> database() {
        return TestDatabases.h2();
    }
}
