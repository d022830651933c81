package org.infraadvisor.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The advice of a completed conversation as a snapshot in the store's own format ({@link AdviceSnapshotCodec}),
 * with the rules version that produced it. Never the API document: that is made from the snapshot when read.
 *
 * @param adviceFormat the snapshot format {@code adviceJson} is written in
 */
@MappedEntity("recommendation")
public record AdviceRecord(@Id String conversationId, String rulesVersion, int adviceFormat, String adviceJson, Instant createdAt) {

    /** The room for {@code adviceJson}: the size of the column {@code recommendation.advice_json} (Flyway V4), in characters. */
    public static final int MAX_ADVICE_JSON = 1_000_000;
}
