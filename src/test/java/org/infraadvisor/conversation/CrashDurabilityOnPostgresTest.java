package org.infraadvisor.conversation;

import org.infraadvisor.testsupport.TestDatabases;

import java.util.HashMap;
import java.util.Map;

class CrashDurabilityOnPostgresTest extends CrashDurabilityTest {
    @Override
    Map<String, String> database() {
        Map<String, String> properties = new HashMap<>();
        TestDatabases.postgres().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        return properties;
    }
}
