package org.infraadvisor.ops;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ready only while a compiled rule set is serving; reports its version so operators can see which rules answer. */
@Singleton
@Readiness
public class RulesHealthIndicator implements HealthIndicator {

    private final RuleSetHolder holder;

    public RulesHealthIndicator(RuleSetHolder holder) {
        this.holder = holder;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        RuleSet current = holder.current();
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        if (current == null || current.flows().isEmpty()) {
            status = HealthStatus.DOWN;
            details.put("error", current == null ? "no rule set is loaded" : "the loaded rule set has no flows");
        } else {
            status = HealthStatus.UP;
            details.put("version", current.version());
            details.put("loadedAt", current.loadedAt().toString());
            details.put("rules", current.rules().size());
            details.put("flows", current.flows().keySet());
        }
        return Publishers.just(HealthResult.builder("rules", status).details(details).build());
    }
}
