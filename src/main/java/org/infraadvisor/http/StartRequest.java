package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record StartRequest(@Nullable String flow) {
}
