package org.infraadvisor.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Test-only endpoint: an answer that takes longer than the idle timeouts of {@link TransportTest}. */
@Controller("/test/slow-answer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "test.slow-answer", value = "true")
class SlowAnswerController {

    static final long MILLIS = 4500;

    @Get(produces = "text/plain")
    String slowly() throws InterruptedException {
        Thread.sleep(MILLIS);
        return "done";
    }
}
