package org.infraadvisor.channels.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The Slack channel's configuration ({@code advisor.slack.*}, fed by {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_BOT_TOKEN} and {@code SLACK_API_URL}). Without a signing secret the channel is disabled.
 *
 * @param apiUrl base URL of the Slack Web API; tests point it at a fake server on loopback
 * @param flow   the flow a Slack conversation follows
 */
@ConfigurationProperties("advisor.slack")
public record SlackSettings(@Nullable String signingSecret,
                            @Nullable String botToken,
                            @Bindable(defaultValue = "https://slack.com/api/") String apiUrl,
                            @Bindable(defaultValue = "infra-strategy") String flow) {

    public boolean enabled() {
        return signingSecret != null && !signingSecret.isBlank();
    }

    public boolean canPost() {
        return botToken != null && !botToken.isBlank();
    }

    /** The API base URL with exactly one trailing slash, as the SDK appends method names to it. */
    public String methodsUrlPrefix() {
        return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    @Override
    public String toString() {
        return "SlackSettings[enabled=%s, canPost=%s, apiUrl=%s, flow=%s]".formatted(enabled(), canPost(), apiUrl, flow);
    }
}
