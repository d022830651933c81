package org.infraadvisor.channels.slack;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A Slack request (or one-time effect) that has been taken on; its key is unique across all instances. */
@MappedEntity("slack_delivery")
public record SlackDeliveryRecord(@Id String deliveryKey, Instant receivedAt) {

    /** The size of the column {@code slack_delivery.delivery_key} (Flyway V3). */
    static final int MAX_KEY = 255;
}
