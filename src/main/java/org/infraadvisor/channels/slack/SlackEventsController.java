package org.infraadvisor.channels.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.model.view.ViewState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.infraadvisor.ops.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one endpoint Slack calls: slash commands, Events API and interactivity. Every request is verified
 * (signature and age) before anything is read or stored; repeats (Slack retries, replays, double clicks) are
 * claimed once in the database; the request is acknowledged at once and the Slack work runs afterwards.
 */
@Controller("/slack")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    static final String RETRY_NUM = "X-Slack-Retry-Num";

    private final SlackSettings settings;
    private final SlackRequestVerifier verifier;
    private final SlackDeliveries deliveries;
    private final SlackAdvisor advisor;

    public SlackEventsController(SlackSettings settings, SlackRequestVerifier verifier, SlackDeliveries deliveries, SlackAdvisor advisor) {
        this.settings = settings;
        this.verifier = verifier;
        this.deliveries = deliveries;
        this.advisor = advisor;
    }

    @Post(uri = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON}, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> events(HttpRequest<byte[]> request,
                                       @Nullable @Header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP) String timestamp,
                                       @Nullable @Header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE) String signature,
                                       @Nullable @Header(RETRY_NUM) String retryNum) {
        if (!settings.enabled()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the Slack channel is disabled: no signing secret is configured (set SLACK_SIGNING_SECRET)");
        }
        byte[] raw = request.getBody().orElseGet(() -> new byte[0]); // the bytes as sent: the signature covers them
        try {
            verifier.verify(timestamp, signature, raw);
        } catch (SlackRequestVerifier.Refused e) {
            LOG.warn("Refused a Slack request from {}: {} ({} {}, {} body bytes not logged)", request.getRemoteAddress().getAddress(),
                    e.getMessage(), SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, LogSafe.printable(timestamp), raw.length);
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "Slack request refused: " + e.getMessage());
        }
        boolean json = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        SlackInbound inbound;
        try {
            inbound = SlackPayloads.parse(json, new String(raw, StandardCharsets.UTF_8));
        } catch (SlackPayloads.Malformed e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "malformed Slack request: " + e.getMessage());
        }
        if (inbound instanceof SlackInbound.UrlVerification v) {
            return json(Map.of("challenge", v.challenge()));
        }
        if (inbound instanceof SlackInbound.SlashCommand c) {
            return slashCommand(c.payload());
        }
        if (inbound instanceof SlackInbound.Event e) {
            return event(e, retryNum);
        }
        if (inbound instanceof SlackInbound.BlockActions a) {
            return blockActions(a.payload());
        }
        if (inbound instanceof SlackInbound.ViewSubmission v) {
            return viewSubmission(v.payload());
        }
        LOG.debug("Ignoring Slack request: {}", ((SlackInbound.Ignored) inbound).what());
        return HttpResponse.ok();
    }

    private HttpResponse<String> slashCommand(SlashCommandPayload p) {
        if (!deliveries.claim("command:" + p.getTriggerId())) {
            return HttpResponse.ok();
        }
        SlackCommand command = SlackCommand.parse(p.getText());
        if (command.kind() == SlackCommand.Kind.HELP || command.kind() == SlackCommand.Kind.UNKNOWN) {
            String text = command.kind() == SlackCommand.Kind.HELP ? SlackCommand.HELP_TEXT
                    : "I did not understand “%s”.\n%s".formatted(SlackText.limit(command.argument(), 80), SlackCommand.HELP_TEXT);
            return json(SlashCommandResponse.builder().responseType("ephemeral").text(text).build());
        }
        SlackOrigin origin = new SlackOrigin(p.getTeamId(), p.getChannelId(), p.getUserId(), null, responseUrl(p.getResponseUrl()));
        advisor.async("command", origin, () -> advisor.command(origin, command));
        return HttpResponse.ok();
    }

    private HttpResponse<String> event(SlackInbound.Event e, String retryNum) {
        if (!deliveries.claim("event:" + e.eventId())) {
            LOG.info("Slack event {} already handled; ignoring the repeat (retry {})", LogSafe.printable(e.eventId()), LogSafe.printable(retryNum));
            return HttpResponse.ok();
        }
        SlackMessage m = e.message();
        if (m != null) {
            advisor.async("message", m.origin(), () -> advisor.message(m));
        }
        return HttpResponse.ok();
    }

    private HttpResponse<String> blockActions(BlockActionPayload p) {
        BlockActionPayload.Action action = p.getActions().get(0);
        String channelId = p.getChannel() != null ? p.getChannel().getId() : p.getContainer() == null ? null : p.getContainer().getChannelId();
        String messageTs = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        if (channelId == null || messageTs == null) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "malformed Slack request: block_actions without a channel and message");
        }
        String actionId = String.valueOf(action.getActionId());
        Optional<BlockRef> ref = BlockRef.decode(action.getBlockId());
        boolean answers = actionId.startsWith(SlackActions.ANSWER_PREFIX) || actionId.equals(SlackActions.MULTI_SUBMIT);
        BlockRef question = null;
        JsonNode value = null;
        if (answers) {
            // read and check everything before claiming anything, so that a malformed request leaves no trace
            question = ref.filter(r -> r.kind().equals(BlockRef.QUESTION)).orElseThrow(() ->
                    new HttpStatusException(HttpStatus.BAD_REQUEST, "malformed Slack request: answer without a question block_id"));
            value = actionId.equals(SlackActions.MULTI_SUBMIT) ? picked(p.getState(), question) : JsonNode.createStringNode(chosen(action));
        }
        String interaction = p.getTriggerId() != null ? p.getTriggerId() : p.getUser().getId() + ":" + action.getActionTs();
        if (!deliveries.claim("interaction:" + interaction)) {
            return HttpResponse.ok();
        }
        SlackOrigin origin = new SlackOrigin(p.getTeam().getId(), channelId, p.getUser().getId(), p.getContainer().getThreadTs(),
                responseUrl(p.getResponseUrl()));
        if (answers) {
            BlockRef answered = question;
            JsonNode answer = value;
            if (deliveries.claim(SlackAdvisor.answeredKey(channelId, messageTs))) {
                advisor.async("answer", origin, () -> advisor.answer(origin, answered, messageTs, answer));
            } else {
                advisor.async("answer", origin, () -> advisor.tell(origin, "This question has already been answered."));
            }
        } else if (actionId.equals(SlackActions.FINISH) && ref.filter(r -> r.kind().equals(BlockRef.FINISH)).isPresent()) {
            if (deliveries.claim(SlackAdvisor.answeredKey(channelId, messageTs))) {
                advisor.async("finish", origin, () -> advisor.finish(origin, ref.get(), messageTs));
            } else {
                advisor.async("finish", origin, () -> advisor.tell(origin, "This question has already been answered."));
            }
        } else if (actionId.equals(SlackActions.OPEN_INPUT) && ref.isPresent()) {
            advisor.async("open input", origin, () -> advisor.openInput(origin, ref.get(), messageTs, p.getTriggerId()));
        } else if (actionId.equals(SlackActions.WHY) && ref.isPresent()) {
            if (deliveries.claim("why:" + channelId + ":" + messageTs)) {
                advisor.async("why", origin, () -> advisor.explain(origin, ref.get().conversationRef()));
            } else {
                advisor.async("why", origin, () -> advisor.tell(origin, "The reasons are in this thread, below the recommendation."));
            }
        } else if (actionId.equals(SlackActions.RESTART)) {
            advisor.async("restart", origin, () -> advisor.start(origin.withoutThread(), true));
        } else if (actionId.equals(SlackActions.CHANGE_ONE) && ref.filter(r -> r.kind().equals(BlockRef.CHANGE)).isPresent()) {
            advisor.async("change", origin, () -> advisor.changeOwn(origin, ref.get()));
        } else if (actionId.equals(SlackActions.CHANGE) && action.getSelectedOption() != null) {
            advisor.async("change", origin, () -> advisor.change(origin, action.getSelectedOption().getValue()));
        }
        // multi_pick (a box ticked) and report (a link button) need nothing but the acknowledgement
        return HttpResponse.ok();
    }

    private HttpResponse<String> viewSubmission(ViewSubmissionPayload p) {
        if (!SlackActions.MODAL_CALLBACK.equals(p.getView().getCallbackId())) {
            return HttpResponse.ok();
        }
        ModalMetadata modal = ModalMetadata.decode(p.getView().getPrivateMetadata()).orElseThrow(() ->
                new HttpStatusException(HttpStatus.BAD_REQUEST, "malformed Slack request: the modal's private_metadata is not the bot's"));
        if (p.getTriggerId() != null && !deliveries.claim("interaction:" + p.getTriggerId())) {
            return HttpResponse.ok();
        }
        String value = Optional.ofNullable(p.getView().getState()).map(ViewState::getValues)
                .map(v -> v.get(SlackActions.MODAL_BLOCK)).map(b -> b.get(SlackActions.MODAL_ELEMENT))
                .map(ViewState.Value::getValue).orElse("");
        Optional<String> refusal = advisor.submitModal(p.getTeam().getId(), p.getUser().getId(), modal, value);
        if (refusal.isPresent()) {
            return json(ViewSubmissionResponse.builder().responseAction("errors")
                    .errors(Map.of(SlackActions.MODAL_BLOCK, refusal.get())).build());
        }
        return HttpResponse.ok();
    }

    /** The request's response_url if it is Slack's; any other is dropped, so that no request can make the bot post elsewhere. */
    private String responseUrl(String given) {
        String trusted = settings.trustedResponseUrl(given);
        if (given != null && trusted == null) {
            LOG.warn("Ignored a response_url that is not under {}; notes go as ephemeral messages instead", settings.responseUrlPrefix());
        }
        return trusted;
    }

    private static String chosen(BlockActionPayload.Action action) {
        if (action.getSelectedOption() != null) {
            return action.getSelectedOption().getValue();
        }
        if (action.getValue() == null) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "malformed Slack request: answer action without a value");
        }
        return action.getValue();
    }

    /** The options ticked in a multiple-choice question's picker, read from the message state Slack sends along. */
    private static JsonNode picked(ViewState state, BlockRef question) {
        List<JsonNode> values = Optional.ofNullable(state).map(ViewState::getValues)
                .map(v -> v.get(BlockRef.pick(question.conversationRef(), question.questionId()).encode()))
                .map(b -> b.get(SlackActions.MULTI_PICK)).map(ViewState.Value::getSelectedOptions).orElse(List.of())
                .stream().map(o -> JsonNode.createStringNode(o.getValue())).toList();
        return JsonNode.createArrayNode(values);
    }

    private static HttpResponse<String> json(Object body) {
        return HttpResponse.ok(SlackPayloads.GSON.toJson(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
