package org.infraadvisor.bench;

import org.infraadvisor.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up harness starts the service as a process of its own (here from the test class path, since the jar
 * is built after the tests), times it to the first request, stores a few conversations and reads the memory.
 */
class StartupBenchSmokeTest {

    @Test
    void measuresStartUpAndMemory() throws Exception {
        ServiceProcess.Launch launch = ServiceProcess.Launch.classPath(System.getProperty("java.class.path"),
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        List<StartupBench.Run> runs = StartupBench.measure(launch, Path.of("target", "bench", "startup-smoke"), 1, 3, Duration.ZERO);

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.firstRequestMs()).isPositive();
            assertThat(run.idleRssKb()).isPositive();
            assertThat(run.afterConversationsRssKb()).isPositive();
            assertThat(run.conversationsStored()).isEqualTo(3);
        });
        assertThat(StartupBench.report(runs)).contains("first start");
        assertThat(StartupBench.json(java.util.Map.of("smoke", runs))).contains("\"firstRequestMs\"");
    }
}
