package org.infraadvisor.conversation;

import java.util.Map;

/** The default configuration: H2 in a file under the service's working directory. */
class CrashDurabilityOnH2Test extends CrashDurabilityTest {
    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
