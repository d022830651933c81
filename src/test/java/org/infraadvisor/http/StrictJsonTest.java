package org.infraadvisor.http;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lenient JSON is refused: a key given twice, a list or number where text is expected, a number written as Java or
 * hex would read it, "yes" for true. Each gets a 4xx problem whose detail names the field as the request wrote it,
 * and the conversation does not change.
 */
@MicronautTest
class StrictJsonTest {

    @Inject
    EmbeddedServer server;

    Api api;
    String id;

    @BeforeEach
    void conversation() {
        api = new Api(server.getURI());
        id = api.start().id();
        api.answerOk(id, "workload", "inference");
    }

    Api.Response post(String path, String json) {
        return api.send("POST", path.replace("{id}", id), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/conversations/{id}/answers | {"question":"workload","question":"model_size_b","value":"training"}  | 400 | the key 'question' appears twice
            /api/conversations/{id}/answers | {"question":"workload","value":{"a":1,"a":2}}                          | 400 | the key 'a' appears twice
            /api/conversations/{id}/answers | {"question":["workload"],"value":"training"}                          | 400 | the field 'question' must be text in quotes, not a list
            /api/conversations/{id}/answers | {"question":7,"value":"training"}                                     | 400 | the field 'question' must be text in quotes, not a number
            /api/conversations/{id}/answers | {"question":true,"value":"training"}                                  | 400 | the field 'question' must be text in quotes, not true
            /api/conversations/{id}/answers | {"question":"model_size_b","value":"70d"}                             | 422 | '70d' is not one
            /api/conversations/{id}/answers | {"question":"model_size_b","value":"0x1p6"}                           | 422 | '0x1p6' is not one
            /api/conversations/{id}/answers | {"question":"model_size_b","value":"NaN"}                             | 422 | 'NaN' is not one
            /api/conversations/{id}/answers | [{"question":"workload"}]                                             | 400 | the request body must be an object, not a list
            /api/conversations/{id}/answers | {"question":"workload","value":                                       | 400 | the request body is not valid JSON (line 1, column
            /api/conversations                | {"flow":"infra-strategy","flow":"other"}                              | 400 | the key 'flow' appears twice
            /api/conversations                | {"flow":["infra-strategy"]}                                           | 400 | the field 'flow' must be text in quotes, not a list
            /api/evaluate                     | {"flow":"infra-strategy","answers":{},"explain":"yes"}                | 400 | the field 'explain' must be true or false, not text
            /api/evaluate                     | {"flow":"infra-strategy","answers":{},"explain":1}                    | 400 | the field 'explain' must be true or false, not a number
            /api/evaluate                     | {"flow":"infra-strategy","answers":[1]}                               | 400 | the field 'answers' must be an object of question ids and answers
            /api/evaluate                     | {"flow":"infra-strategy","answers":{"latency":"batch","latency":"interactive"}} | 400 | the key 'latency' appears twice
            /api/conversations/{id}/what-if | {"answers":{"workload":"training","workload":"inference"}}             | 400 | the key 'workload' appears twice
            """)
    void lenientJsonIsRefusedInTheRequestsOwnTerms(String path, String body, int status, String detail) {
        ConversationView before = api.conversation(id);
        Api.Response r = post(path, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.problem().detail()).contains(detail)
                .doesNotContainIgnoringCase("jackson").doesNotContainIgnoringCase("exception").doesNotContain("org.infraadvisor");
        assertThat(api.conversation(id)).as("a refused request changes nothing").isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"70", "70.5", "2e3", "' 64 '"})
    void numbersWrittenInDigitsAreStillNumbers(String written) {
        Api.Response r = post("/api/conversations/{id}/answers", "{\"question\":\"model_size_b\",\"value\":\"" + written + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(Api.answers(r.as(ConversationView.class)).get("model_size_b")).isEqualTo(Double.parseDouble(written.trim()));
    }
}
