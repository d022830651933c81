package org.infraadvisor.conversation;

import java.util.Map;

/**
 * H2 in a file under the service's working directory, with the URL an operator would write: no {@code WRITE_DELAY}
 * (H2's own default of 500 ms lost acknowledged answers here until the service set the delay itself).
 */
class CrashDurabilityOnH2Test extends CrashDurabilityTest {
    @Override
    Map<String, String> database() {
        return Map.of("datasources.default.url", "jdbc:h2:file:./crash-db", "datasources.default.dialect", "H2");
    }
}
