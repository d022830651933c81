package org.infraadvisor.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code advisor.limits.*}: how many conversations one client may start per hour (0 switches the cap off). */
@ConfigurationProperties("advisor.limits")
public record ConversationLimitConfig(@Bindable(defaultValue = "100") int conversationsPerClientPerHour) {
}
