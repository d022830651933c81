package org.infraadvisor.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The SHA-256 of a compiled-rules cache entry this service wrote, with the key (DRL hash) it was written for. */
@MappedEntity("rules_cache_digest")
public record RulesCacheDigestRecord(@Id String sha256, String cacheKey, Instant recordedAt) {
}
