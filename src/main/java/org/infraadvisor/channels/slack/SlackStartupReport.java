package org.infraadvisor.channels.slack;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start-up whether the Slack channel is on, and what it lacks if not. */
@Singleton
public class SlackStartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(SlackStartupReport.class);

    private final SlackSettings settings;

    public SlackStartupReport(SlackSettings settings) {
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.enabled()) {
            LOG.info("Slack channel disabled: no signing secret configured (set SLACK_SIGNING_SECRET); POST /slack/events answers 503");
            return;
        }
        LOG.info("Slack channel enabled at POST /slack/events; Web API at {}", settings.methodsUrlPrefix());
        if (!settings.canPost()) {
            LOG.warn("SLACK_BOT_TOKEN is not set: Slack requests are verified, but the bot cannot post its questions");
        }
    }
}
