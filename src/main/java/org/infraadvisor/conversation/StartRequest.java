package org.infraadvisor.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record StartRequest(@Nullable String flow) {
}
