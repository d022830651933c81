package org.infraadvisor.retention;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.limits.ConversationLimitConfig;
import org.infraadvisor.limits.RateLimitConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented defaults are the ones in force. */
@MicronautTest
class RetentionDefaultsTest {

    @Inject
    RetentionConfig retention;

    @Inject
    RateLimitConfig rateLimit;

    @Inject
    ConversationLimitConfig limits;

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(retention.expireAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(retention.cleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(rateLimit.enabled()).isTrue();
        assertThat(rateLimit.requestsPerMinute()).isEqualTo(600);
        assertThat(rateLimit.burst()).isEqualTo(120);
        assertThat(rateLimit.trustForwardedFor()).isFalse();
        assertThat(rateLimit.exempt()).containsExactly("127.0.0.1", "::1");
        assertThat(limits.conversationsPerClientPerHour()).isEqualTo(100);
    }
}
