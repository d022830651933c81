package org.infraadvisor.ops;

import io.micronaut.context.annotation.Property;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;

/** The key operators set where requests wait on a remote database (docs/operations.md, "Request threads"). */
@MicronautTest
@Property(name = "micronaut.executors.blocking.number-of-threads", value = "3")
class RequestThreadsSettingTest {

    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorService requestThreads;

    @Test
    void asManyWorkAtOnceAsTheSettingSays() throws Exception {
        RequestThreadsTest.assertAtOnce(requestThreads, 3);
    }
}
