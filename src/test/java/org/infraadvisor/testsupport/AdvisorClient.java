package org.infraadvisor.testsupport;

import io.micronaut.context.annotation.Prototype;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.http.EvaluateController.EvaluateResponse;
import org.infraadvisor.http.ExplainController.ConversationExplanation;
import org.infraadvisor.http.FlowsController.FlowDetail;
import org.infraadvisor.http.FlowsController.FlowSummary;
import org.infraadvisor.http.WhatIfController.WhatIfResponse;

import java.util.List;
import java.util.Map;

/**
 * The public API as typed calls that return the service's own response records; an error status throws
 * {@link io.micronaut.http.client.exceptions.HttpClientResponseException} (see {@link Problems}). A
 * {@code @MicronautTest} injects one for its embedded server ({@code @Inject AdvisorClient api}); elsewhere
 * {@code new AdvisorClient(HttpClient.create(url))}.
 */
@Prototype
public final class AdvisorClient {

    public static final String FLOW = "infra-strategy";

    private final BlockingHttpClient http;

    @Inject
    public AdvisorClient(@Client("/") HttpClient http) {
        this.http = http.toBlocking();
    }

    public ConversationView start() {
        return start(FLOW);
    }

    public ConversationView start(String flow) {
        return post("/api/conversations", Map.of("flow", flow), ConversationView.class);
    }

    public ConversationView answer(String id, String question, Object value) {
        return post("/api/conversations/" + id + "/answers", Map.of("question", question, "value", value), ConversationView.class);
    }

    public ConversationView conversation(String id) {
        return get("/api/conversations/" + id, ConversationView.class);
    }

    /** Starts a conversation and answers every question, from {@code preferred} or else plausibly. */
    public ConversationView complete(Map<String, ?> preferred) {
        return Answering.answerAll(start(), preferred, this::answer);
    }

    /** Answers the questions left in {@code conversation}, from {@code preferred} or else plausibly. */
    public ConversationView complete(ConversationView conversation, Map<String, ?> preferred) {
        return Answering.answerAll(conversation, preferred, this::answer);
    }

    public EvaluateResponse evaluate(Object request) {
        return post("/api/evaluate", request, EvaluateResponse.class);
    }

    public ConversationExplanation explain(String id) {
        return get("/api/conversations/" + id + "/explain", ConversationExplanation.class);
    }

    public WhatIfResponse whatIf(String id, Map<String, ?> answers) {
        return post("/api/conversations/" + id + "/what-if", Map.of("answers", answers), WhatIfResponse.class);
    }

    public List<FlowSummary> flows() {
        return http.retrieve(HttpRequest.GET("/api/flows"), Argument.listOf(FlowSummary.class));
    }

    public FlowDetail flow(String id) {
        return get("/api/flows/" + id, FlowDetail.class);
    }

    public <T> T get(String path, Class<T> type) {
        return http.retrieve(HttpRequest.GET(path), type);
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return http.retrieve(HttpRequest.POST(path, body), type);
    }
}
