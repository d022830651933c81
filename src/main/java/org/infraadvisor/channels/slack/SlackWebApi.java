package org.infraadvisor.channels.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;

/** The Slack Web API calls the bot makes, through Slack's SDK, against {@code advisor.slack.api-url}. */
@Singleton
public class SlackWebApi implements AutoCloseable {

    private final Slack slack;
    private final MethodsClient methods;
    private final ActionResponseSender responder;

    public SlackWebApi(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.methodsUrlPrefix());
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(settings.botToken());
        this.responder = new ActionResponseSender(slack);
    }

    /** Posts a message (in a thread when {@code threadTs} is given) and returns its {@code ts}. */
    public String postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        ChatPostMessageResponse response = call("chat.postMessage", () -> methods.chatPostMessage(r -> r
                .channel(channel).threadTs(threadTs).text(text).blocks(blocks).unfurlLinks(false)));
        return response.getTs();
    }

    public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        call("chat.update", () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    public void postEphemeral(String channel, String user, String threadTs, String text) {
        call("chat.postEphemeral", () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(threadTs).text(text)));
    }

    public void openModal(String triggerId, View view) {
        call("views.open", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** An ephemeral note through an interaction's {@code response_url}; leaves the original message alone. */
    public void respond(String responseUrl, String text) {
        ActionResponse response = ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(text).build();
        try {
            WebhookResponse answer = responder.send(responseUrl, response);
            if (answer.getCode() >= 300) {
                throw new SlackCallFailed("response_url", "HTTP " + answer.getCode());
            }
        } catch (IOException e) {
            throw new SlackCallFailed("response_url", e.toString());
        }
    }

    @Override
    @PreDestroy
    public void close() throws Exception {
        slack.close();
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (IOException | SlackApiException e) {
            throw new SlackCallFailed(method, e.getMessage());
        }
        if (!response.isOk()) {
            throw new SlackCallFailed(method, response.getError());
        }
        return response;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** A Web API call that Slack refused or that did not get through; {@code error} is Slack's error code. */
    public static class SlackCallFailed extends RuntimeException {
        private final String error;

        public SlackCallFailed(String method, String error) {
            super(method + " failed: " + error);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
