package org.infraadvisor.testsupport;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An application/problem+json body (RFC 9457) as the service answers every error. */
@Serdeable
public record Problem(@Nullable String type, @Nullable String title, int status, @Nullable String detail) {
}
