package org.infraadvisor.channels.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The Slack channel's configuration ({@code advisor.slack.*}, fed by {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_BOT_TOKEN} and {@code SLACK_API_URL}). Without a signing secret the channel is disabled.
 *
 * @param apiUrl            base URL of the Slack Web API; tests point it at a fake server on loopback
 * @param flow              the flow a Slack conversation follows
 * @param responseUrlPrefix where a request's {@code response_url} must point for the bot to post to it (Slack's own
 *                          {@code https://hooks.slack.com/}); any other is ignored, so a request cannot make the service
 *                          post elsewhere
 */
@ConfigurationProperties("advisor.slack")
public record SlackSettings(@Nullable String signingSecret,
                            @Nullable String botToken,
                            @Bindable(defaultValue = "https://slack.com/api/") String apiUrl,
                            @Bindable(defaultValue = "infra-strategy") String flow,
                            @Bindable(defaultValue = "https://hooks.slack.com/") String responseUrlPrefix) {

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

    /**
     * The {@code response_url} if it is Slack's: same scheme, host and port as {@link #responseUrlPrefix} and a path
     * under it, with no user info; otherwise null (the bot then answers with an ephemeral message).
     */
    @Nullable
    public String trustedResponseUrl(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI given = new URI(url).normalize();
            URI allowed = new URI(responseUrlPrefix);
            boolean trusted = allowed.getScheme().equalsIgnoreCase(String.valueOf(given.getScheme()))
                    && allowed.getRawAuthority().equalsIgnoreCase(String.valueOf(given.getRawAuthority()))
                    && given.getRawUserInfo() == null
                    && given.getRawPath() != null && given.getRawPath().startsWith(allowed.getRawPath());
            return trusted ? given.toString() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "SlackSettings[enabled=%s, canPost=%s, apiUrl=%s, flow=%s, responseUrlPrefix=%s]".formatted(enabled(), canPost(), apiUrl,
                flow, responseUrlPrefix);
    }
}
