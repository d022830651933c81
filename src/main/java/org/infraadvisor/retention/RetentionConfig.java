package org.infraadvisor.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code advisor.retention.*}: conversations not updated for {@code expire-after} are deleted, checked every
 * {@code cleanup-interval} (the first check {@code initial-delay} after start-up).
 */
@ConfigurationProperties("advisor.retention")
public record RetentionConfig(@Bindable(defaultValue = "true") boolean enabled,
                              @Bindable(defaultValue = "30d") Duration expireAfter,
                              @Bindable(defaultValue = "1h") Duration cleanupInterval,
                              @Bindable(defaultValue = "1m") Duration initialDelay) {
}
