package org.infraadvisor.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Test-only endpoint: logs from a blocking-executor thread, as the service's controllers run, to see the MDC there. */
@Controller("/test/mdc-probe")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "test.mdc-probe", value = "true")
class MdcProbeController {

    private static final Logger LOG = LoggerFactory.getLogger(MdcProbeController.class);

    @Get(produces = "text/plain")
    String probe() {
        LOG.info("probe on {}", Thread.currentThread().getName());
        return String.valueOf(MDC.get(RequestIdFilter.MDC_KEY));
    }
}
