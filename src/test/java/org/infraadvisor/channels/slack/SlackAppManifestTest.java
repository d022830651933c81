package org.infraadvisor.channels.slack;

import org.infraadvisor.testsupport.Tree;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The app manifest in the repo sends everything the bot handles to its one endpoint, with the scopes it needs. */
class SlackAppManifestTest {

    @Test
    void theManifestWiresTheCommandEventsAndInteractivityToSlackEvents() {
        Tree manifest = Tree.yaml(Path.of("deploy", "slack-app-manifest.yaml"));
        Tree command = manifest.at("features", "slash_commands", "0");
        assertThat(command.get("command").string()).isEqualTo("/advisor");
        assertThat(command.get("url").string()).endsWith("/slack/events");

        Tree settings = manifest.get("settings");
        Tree events = settings.get("event_subscriptions");
        assertThat(events.get("request_url").string()).endsWith("/slack/events");
        assertThat(events.get("bot_events").strings()).contains("app_mention", "message.im", "message.channels");
        Tree interactivity = settings.get("interactivity");
        assertThat(interactivity.get("is_enabled").bool()).isTrue();
        assertThat(interactivity.get("request_url").string()).endsWith("/slack/events");

        assertThat(manifest.at("oauth_config", "scopes", "bot").strings())
                .contains("chat:write", "commands", "app_mentions:read", "im:history", "channels:history");
    }
}
