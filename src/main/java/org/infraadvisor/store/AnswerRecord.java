package org.infraadvisor.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One stored answer; {@code valueJson} is the canonical value as JSON. */
@MappedEntity("answer")
public record AnswerRecord(@Id @GeneratedValue @Nullable Long id, String conversationId, String question,
                           String valueJson, Instant answeredAt) {

    /** The room for {@code valueJson}: the size of the column {@code answer.value_json} (Flyway V1), in characters. */
    public static final int MAX_VALUE_JSON = 10_000;
}
