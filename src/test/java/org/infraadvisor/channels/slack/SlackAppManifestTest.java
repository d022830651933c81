package org.infraadvisor.channels.slack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The app manifest in the repo sends everything the bot handles to its one endpoint, with the scopes it needs. */
class SlackAppManifestTest {

    @Test
    @SuppressWarnings("unchecked")
    void theManifestWiresTheCommandEventsAndInteractivityToSlackEvents() throws IOException {
        Map<String, Object> manifest = new Yaml().load(Files.readString(Path.of("deploy", "slack-app-manifest.yaml")));
        Map<String, Object> features = (Map<String, Object>) manifest.get("features");
        Map<String, Object> command = ((List<Map<String, Object>>) features.get("slash_commands")).get(0);
        assertThat(command).containsEntry("command", "/advisor");
        assertThat((String) command.get("url")).endsWith("/slack/events");

        Map<String, Object> settings = (Map<String, Object>) manifest.get("settings");
        Map<String, Object> events = (Map<String, Object>) settings.get("event_subscriptions");
        assertThat((String) events.get("request_url")).endsWith("/slack/events");
        assertThat((List<String>) events.get("bot_events")).contains("app_mention", "message.im", "message.channels");
        Map<String, Object> interactivity = (Map<String, Object>) settings.get("interactivity");
        assertThat(interactivity).containsEntry("is_enabled", true);
        assertThat((String) interactivity.get("request_url")).endsWith("/slack/events");

        Map<String, Object> scopes = (Map<String, Object>) ((Map<String, Object>) manifest.get("oauth_config")).get("scopes");
        assertThat((List<String>) scopes.get("bot")).contains("chat:write", "commands", "app_mentions:read", "im:history", "channels:history");
    }
}
